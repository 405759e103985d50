import type { AdminCap, AdminChannel, VersionTerms } from '../api/admin-types.ts';
import type { ChannelRule, Eligibility, LevelKey } from '../api/types.ts';

/**
 * A version as the console's form holds it: text as typed (rates in percent, lists comma-separated),
 * turned into the API's terms only on submit so a half-typed "3." never becomes a number early.
 */
export interface RuleDraft {
  merchants: string;
  mcc: string;
  region: '' | 'domestic' | 'overseas';
  presence: '' | 'in_person' | 'online';
}

export interface ChannelDraft {
  id: string;
  zhTW: string;
  en: string;
  byLevel: boolean;
  /** Percent per level (one value is used when flat). */
  rates: Record<LevelKey, string>;
  rules: RuleDraft[];
}

export interface CapDraft {
  id: string;
  /** '' for the whole plan, else a channel id. */
  channelId: string;
  period: 'month' | 'window';
  limit: string;
}

export interface VersionDraft {
  zhTW: string;
  en: string;
  validFrom: string;
  validTo: string;
  eligibility: Eligibility['kind'];
  flag: string;
  channels: ChannelDraft[];
  caps: CapDraft[];
}

const LEVELS: LevelKey[] = ['1', '2', '3'];

/** 330 bps → "3.3" (percent, as the bank writes it). */
export function bpsToPercent(bps: number): string {
  return String(Math.round(bps) / 100);
}

/** "3.3" → 330; null when the text is not a percentage with at most two decimals. */
export function percentToBps(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

/** "5811-5814, 7512" → [[5811, 5814], 7512]; null when a part is not a code or range. */
export function parseMcc(text: string): (number | [number, number])[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: (number | [number, number])[] = [];
  for (const part of parts) {
    const range = /^(\d{1,4})\s*[-–~]\s*(\d{1,4})$/.exec(part);
    if (range) out.push([Number(range[1]), Number(range[2])]);
    else if (/^\d{1,4}$/.test(part)) out.push(Number(part));
    else return null;
  }
  return out;
}

export function mccText(mcc: ChannelRule['mcc']): string {
  return (mcc ?? []).map((m) => (typeof m === 'number' ? String(m) : `${m[0]}-${m[1]}`)).join(', ');
}

/** "netflix, spotify" → ['netflix', 'spotify']: a rule's merchant ids as the form holds them. */
export const splitList = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const emptyRule = (): RuleDraft => ({ merchants: '', mcc: '', region: '', presence: '' });

export const emptyChannel = (): ChannelDraft => ({
  id: '',
  zhTW: '',
  en: '',
  byLevel: false,
  rates: { '1': '', '2': '', '3': '' },
  rules: [emptyRule()],
});

export const emptyCap = (): CapDraft => ({ id: '', channelId: '', period: 'month', limit: '' });

export function emptyDraft(): VersionDraft {
  return {
    zhTW: '',
    en: '',
    validFrom: '',
    validTo: '',
    eligibility: 'everyone',
    flag: '',
    channels: [emptyChannel()],
    caps: [],
  };
}

function channelDraft(channel: AdminChannel): ChannelDraft {
  const { rate } = channel;
  const rates =
    rate.kind === 'flat'
      ? { '1': bpsToPercent(rate.bps), '2': bpsToPercent(rate.bps), '3': bpsToPercent(rate.bps) }
      : {
          '1': bpsToPercent(rate.bps['1']),
          '2': bpsToPercent(rate.bps['2']),
          '3': bpsToPercent(rate.bps['3']),
        };
  return {
    id: channel.id,
    zhTW: channel.names['zh-TW'],
    en: channel.names.en,
    byLevel: rate.kind === 'by_level',
    rates,
    rules: channel.rules.map((r) => ({
      merchants: (r.merchantIds ?? []).join(', '),
      mcc: mccText(r.mcc),
      region: r.region ?? '',
      presence: r.presence ?? '',
    })),
  };
}

function capDraft(cap: AdminCap): CapDraft {
  return {
    id: cap.id,
    channelId: cap.scope.kind === 'channel' ? cap.scope.channelId : '',
    period: cap.period,
    limit: String(cap.limitPoints),
  };
}

/** A form pre-filled from existing terms (editing a version, or starting a new one from the last). */
export function draftFromTerms(terms: VersionTerms): VersionDraft {
  return {
    zhTW: terms.names['zh-TW'],
    en: terms.names.en,
    validFrom: terms.validFrom,
    validTo: terms.validTo ?? '',
    eligibility: terms.eligibility.kind,
    flag: terms.eligibility.flag ?? '',
    channels: terms.channels.map(channelDraft),
    caps: terms.caps.map(capDraft),
  };
}

/** Form problems found before sending, keyed like the server's fields (`channels/0/rate`). */
export type DraftErrors = Record<string, 'percent' | 'mcc' | 'limit' | 'flag'>;

/** The longest flag name, and the server's rule for one (`FlagName` in the Rewards API's schemas). */
export const FLAG_MAX = 32;
const FLAG_NAME = new RegExp(`^[a-z][a-z0-9_-]{0,${FLAG_MAX - 1}}$`);

function ruleOf(draft: RuleDraft, at: string, errors: DraftErrors): ChannelRule {
  const merchants = splitList(draft.merchants);
  const mcc = draft.mcc.trim() ? parseMcc(draft.mcc) : [];
  if (mcc === null) errors[`${at}/mcc`] = 'mcc';
  return {
    ...(merchants.length ? { merchantIds: merchants } : {}),
    ...(mcc?.length ? { mcc } : {}),
    ...(draft.region ? { region: draft.region } : {}),
    ...(draft.presence ? { presence: draft.presence } : {}),
  };
}

function channelOf(draft: ChannelDraft, at: string, errors: DraftErrors): AdminChannel {
  const bps = Object.fromEntries(LEVELS.map((l) => [l, percentToBps(draft.rates[l])])) as Record<
    LevelKey,
    number | null
  >;
  const used = draft.byLevel ? LEVELS : (['1'] as LevelKey[]);
  if (used.some((l) => bps[l] === null)) errors[`${at}/rate`] = 'percent';
  const rate: AdminChannel['rate'] = draft.byLevel
    ? { kind: 'by_level', bps: { '1': bps['1'] ?? 0, '2': bps['2'] ?? 0, '3': bps['3'] ?? 0 } }
    : { kind: 'flat', bps: bps['1'] ?? 0 };
  return {
    id: draft.id.trim(),
    names: { 'zh-TW': draft.zhTW.trim(), en: draft.en.trim() },
    rules: draft.rules.map((r, i) => ruleOf(r, `${at}/rules/${i}`, errors)),
    rate,
  };
}

function capOf(draft: CapDraft, at: string, errors: DraftErrors): AdminCap {
  const limit = /^\d+$/.test(draft.limit.trim()) ? Number(draft.limit.trim()) : null;
  if (limit === null) errors[`${at}/limitPoints`] = 'limit';
  return {
    id: draft.id.trim(),
    scope: draft.channelId ? { kind: 'channel', channelId: draft.channelId } : { kind: 'plan' },
    period: draft.period,
    limitPoints: limit ?? 0,
  };
}

/** The API's terms from the form, or the fields that cannot be sent as typed. */
export function termsFromDraft(draft: VersionDraft): { terms: VersionTerms; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const eligibility: Eligibility =
    draft.eligibility === 'flag' ? { kind: 'flag', flag: draft.flag.trim() } : { kind: draft.eligibility };
  // Checked here: the server's answer for a bad flag also lists why each other kind of
  // eligibility does not fit, which tells the reader nothing about the flag.
  if (eligibility.kind === 'flag' && !FLAG_NAME.test(eligibility.flag ?? ''))
    errors['eligibility/flag'] = 'flag';
  const terms: VersionTerms = {
    names: { 'zh-TW': draft.zhTW.trim(), en: draft.en.trim() },
    validFrom: draft.validFrom,
    // Empty: no end, the version stays until the bank withdraws it.
    validTo: draft.validTo === '' ? null : draft.validTo,
    eligibility,
    channels: draft.channels.map((c, i) => channelOf(c, `channels/${i}`, errors)),
    caps: draft.caps.map((c, i) => capOf(c, `caps/${i}`, errors)),
  };
  return { terms, errors };
}
