import { useTranslation } from 'react-i18next';
import type { CapView, ChannelRule, ChannelView, LevelKey } from '../api/types.ts';
import { useMerchantNames } from '../api/use-merchant-names.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatPoints, formatRate } from '../lib/format.ts';

const LEVELS: LevelKey[] = ['1', '2', '3'];

export function levelKey(level: number): LevelKey {
  return level >= 3 ? '3' : level === 2 ? '2' : '1';
}

/** "5811–5814, 7512": MCC codes and inclusive ranges as the bank lists them. */
function mccText(mcc: NonNullable<ChannelRule['mcc']>): string {
  return mcc.map((m) => (typeof m === 'number' ? String(m) : `${m[0]}–${m[1]}`)).join(', ');
}

type MerchantLabel = (merchantId: string) => string;

/**
 * Each merchant id of the channels as the reader's name for it ("遠東SOGO", "Far Eastern SOGO"),
 * or the id itself while the directory has no name for it.
 */
function useMerchantLabels(channels: ChannelView[]): MerchantLabel {
  const { name } = useLocalText();
  const { byId } = useMerchantNames(channels.flatMap((c) => c.rules.flatMap((r) => r.merchantIds ?? [])));
  return (merchantId) => {
    const names = byId.get(merchantId);
    return names ? name(names) : merchantId;
  };
}

/** One channel rule in words: its merchants, MCCs, and where/how the card must be used. */
function RuleText({ rule, merchantLabel }: { rule: ChannelRule; merchantLabel: MerchantLabel }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (rule.merchantIds?.length) {
    const list = rule.merchantIds.map(merchantLabel).join(t('rewards.rule.listSeparator'));
    parts.push(t('rewards.rule.merchants', { list }));
  }
  if (rule.mcc?.length) parts.push(t('rewards.rule.mcc', { list: mccText(rule.mcc) }));
  if (rule.region) parts.push(t(`rewards.rule.region.${rule.region}`));
  if (rule.presence) parts.push(t(`rewards.rule.presence.${rule.presence}`));
  return <li>{parts.join(t('rewards.rule.and'))}</li>;
}

/** Every channel's merchants and codes, for the chooser's fold-out. */
export function ChannelRules({ channels }: { channels: ChannelView[] }) {
  const { name } = useLocalText();
  const merchantLabel = useMerchantLabels(channels);
  return (
    <dl className="rewards-channel-rules">
      {channels.map((channel) => (
        <div key={channel.id}>
          <dt>{name(channel.names)}</dt>
          <dd>
            <ul className="rewards-rules">
              {channel.rules.map((rule, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their order is fixed in a version
                <RuleText key={i} rule={rule} merchantLabel={merchantLabel} />
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A cap in words: "up to 500 points a month" (whole plan or one channel). */
export function CapText({ cap }: { cap: CapView }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="rewards-cap">
      {t(`rewards.cap.${cap.period}`, { points: formatPoints(cap.limitPoints, i18n.language) })}
    </span>
  );
}

interface ChannelListProps {
  channels: ChannelView[];
  caps: CapView[];
  /** The holder's level: its rate is the one shown large. */
  level: number;
  generalRateBps: number;
  /** Merchants and MCCs under each channel (the plan chooser keeps them folded). */
  detailed?: boolean;
}

/** The rates of a by-level channel for every level: "Level 1: 2% · Level 2: 3% · Level 3: 3.3%". */
function LevelRates({ channel, level }: { channel: ChannelView; level: number }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="muted rewards-level-rates">
      {LEVELS.map((l) => (
        <span key={l} className={l === levelKey(level) ? 'rewards-level-mine' : undefined}>
          {t('rewards.plan.rateAtLevel', { level: l, rate: formatRate(channel.rateBps[l], i18n.language) })}
        </span>
      ))}
    </p>
  );
}

/** True when every channel has the same rates: the level line is then said once for the plan. */
function sameRates(channels: ChannelView[]): boolean {
  const [first, ...rest] = channels;
  return first !== undefined && rest.every((c) => LEVELS.every((l) => c.rateBps[l] === first.rateBps[l]));
}

/** Where a plan earns and how much, at the holder's level, with the general rate everywhere else. */
export function ChannelList({ channels, caps, level, generalRateBps, detailed = true }: ChannelListProps) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  // Folded lists show no merchants: they need no names.
  const merchantLabel = useMerchantLabels(detailed ? channels : []);
  const lang = i18n.language;
  const key = levelKey(level);
  const planCaps = caps.filter((c) => c.channelId === null);
  const shared = sameRates(channels);
  const first = channels[0];
  return (
    <div className="rewards-channels">
      {shared && first?.byLevel && <LevelRates channel={first} level={level} />}
      <ul className="rewards-channel-list">
        {channels.map((channel) => {
          const channelCaps = caps.filter((c) => c.channelId === channel.id);
          return (
            <li key={channel.id} className="rewards-channel" data-channel={channel.id}>
              <div className="rewards-channel-head">
                <span className="rewards-channel-name">{name(channel.names)}</span>
                <span className="rewards-rate">{formatRate(channel.rateBps[key], lang)}</span>
              </div>
              {!shared && channel.byLevel && <LevelRates channel={channel} level={level} />}
              {channelCaps.map((cap) => (
                <CapText key={cap.id} cap={cap} />
              ))}
              {detailed && (
                <ul className="rewards-rules">
                  {channel.rules.map((rule, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their order is fixed in a version
                    <RuleText key={i} rule={rule} merchantLabel={merchantLabel} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
        <li className="rewards-channel rewards-channel-general">
          <div className="rewards-channel-head">
            <span className="rewards-channel-name">{t('rewards.plan.general')}</span>
            <span className="rewards-rate">{formatRate(generalRateBps, lang)}</span>
          </div>
        </li>
      </ul>
      {planCaps.map((cap) => (
        <CapText key={cap.id} cap={cap} />
      ))}
    </div>
  );
}
