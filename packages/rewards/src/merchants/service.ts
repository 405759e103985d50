import { type Clock, type FieldIssue, ValidationError } from '@plaza/kernel';
import type { LocalizedText } from '../program/types.ts';
import { MERCHANT_ID_PATTERN, MERCHANT_IDS_MAX, MERCHANT_NAME_LENGTH_MAX } from './schema.ts';
import type { MerchantRow, MerchantStore } from './store.ts';

/** A merchant as the directory knows it: the program's id and the names a cardholder reads. */
export interface Merchant {
  readonly id: string;
  readonly names: LocalizedText;
  /** The code acquirers usually send for it (ISO 18245); null when unknown or varying. */
  readonly mcc: number | null;
  readonly updatedAt: number;
}

/** What the bank writes for a merchant; `mcc` absent keeps the stored code. */
export interface MerchantInput {
  readonly names: LocalizedText;
  readonly mcc?: number | null | undefined;
}

/** A merchant loaded on first start (see `cube-merchants.ts`). */
export interface MerchantEntry {
  readonly id: string;
  readonly names: LocalizedText;
  readonly mcc: number | null;
}

const ID = new RegExp(MERCHANT_ID_PATTERN);
// C0/C1 controls: a name is shown to cardholders and must not carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LANGUAGES = ['zh-TW', 'en'] as const;

/** The name as stored: NFC, without surrounding spaces, so "新光三越 " and "新光三越" are one name. */
function cleanName(text: string): string {
  return text.normalize('NFC').trim();
}

/** Every problem with a merchant write, with fields as the admin API's body names them. */
export function merchantIssues(id: string, input: MerchantInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!ID.test(id))
    issues.push({
      field: 'merchantId',
      code: 'not_reference',
      params: { max: 64 },
      message: 'must be 1–64 letters, digits or . _ : -',
    });
  for (const language of LANGUAGES) {
    const field = `/names/${language}`;
    const name = cleanName(input.names[language]);
    if (name === '') issues.push({ field, code: 'required', message: 'is required' });
    else if ([...name].length > MERCHANT_NAME_LENGTH_MAX)
      issues.push({
        field,
        code: 'too_long',
        params: { max: MERCHANT_NAME_LENGTH_MAX },
        message: `must be at most ${MERCHANT_NAME_LENGTH_MAX} characters`,
      });
    else if (CONTROL.test(name))
      issues.push({ field, code: 'control_characters', message: 'must not contain control characters' });
  }
  const { mcc } = input;
  if (mcc !== undefined && mcc !== null && !(Number.isInteger(mcc) && mcc >= 0 && mcc <= 9999))
    issues.push({
      field: '/mcc',
      code: 'out_of_range',
      params: { min: 0, max: 9999 },
      message: 'must be a merchant category code 0–9999',
    });
  return issues;
}

/**
 * The ids of a `?ids=a,b` list: trimmed, without blanks and repeats, each a merchant id.
 * @example parseMerchantIds('far-eastern-sogo, shin-kong-mitsukoshi') // ['far-eastern-sogo', 'shin-kong-mitsukoshi']
 */
export function parseMerchantIds(text: string): string[] {
  const ids = [...new Set(text.split(',').map((part) => part.trim()))].filter(Boolean);
  const bad = ids.find((id) => !ID.test(id));
  const refuse = (issue: Omit<FieldIssue, 'field'>) =>
    new ValidationError('The ids list is not one the directory can answer.', [{ field: 'ids', ...issue }]);
  if (bad !== undefined)
    throw refuse({
      code: 'not_reference',
      params: { max: 64 },
      message: `"${bad.slice(0, 70)}" is not a merchant id (1–64 letters, digits or . _ : -)`,
    });
  if (ids.length > MERCHANT_IDS_MAX)
    throw refuse({
      code: 'too_many_items',
      params: { max: MERCHANT_IDS_MAX },
      message: `may name at most ${MERCHANT_IDS_MAX} ids`,
    });
  return ids;
}

/** A position in the id-ordered list: the last id given out, opaque to clients. */
function encodeCursor(lastId: string): string {
  return Buffer.from(lastId).toString('base64url');
}

function decodeCursor(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  const id = Buffer.from(text, 'base64url').toString('utf8');
  if (ID.test(id)) return id;
  throw new ValidationError(
    'That cursor is not one this list gave out.',
    [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
    'invalid_cursor',
  );
}

function merchantOf(row: MerchantRow): Merchant {
  return {
    id: row.id,
    names: { 'zh-TW': row.name_zh_tw, en: row.name_en },
    mcc: row.mcc === null ? null : Number(row.mcc),
    updatedAt: Number(row.updated_at),
  };
}

function sameAs(row: MerchantRow, names: LocalizedText, mcc: number | null): boolean {
  return row.name_zh_tw === names['zh-TW'] && row.name_en === names.en && row.mcc === mcc;
}

export interface MerchantDirectoryDeps {
  store: MerchantStore;
  clock: Clock;
}

/** The merchant directory's rules: lookups, paging, the bank's writes and the first-start seed. */
export function createMerchantDirectory({ store, clock }: MerchantDirectoryDeps) {
  return {
    /** The known merchants among `ids` (unknown ones are absent), in id order. */
    byIds: async (ids: readonly string[]): Promise<Merchant[]> => (await store.byIds(ids)).map(merchantOf),

    /** One page of the directory in id order, and the cursor of the next (null after the last). */
    async page(cursor: string | undefined, limit: number) {
      const rows = await store.page(decodeCursor(cursor), limit + 1);
      const items = rows.slice(0, limit).map(merchantOf);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
    },

    /**
     * Creates or renames a merchant (the admin's `actor` account is kept on the row). Writing
     * the names it already has changes nothing. Refused whole, writing nothing, on any issue.
     */
    async put(
      id: string,
      input: MerchantInput,
      actor: string,
    ): Promise<{ merchant: Merchant; created: boolean }> {
      const issues = merchantIssues(id, input);
      if (issues.length > 0)
        throw new ValidationError('The merchant was not saved; nothing was written.', issues);
      const names = { 'zh-TW': cleanName(input.names['zh-TW']), en: cleanName(input.names.en) };
      return store.transaction(async (trx) => {
        const [existing] = await store.byIds([id], trx);
        const mcc = input.mcc === undefined ? (existing?.mcc ?? null) : input.mcc;
        if (existing && sameAs(existing, names, mcc))
          return { merchant: merchantOf(existing), created: false };
        const nowMs = clock.nowMs();
        const row: MerchantRow = {
          id,
          name_zh_tw: names['zh-TW'],
          name_en: names.en,
          mcc,
          created_at: existing?.created_at ?? nowMs,
          updated_at: nowMs,
          updated_by: actor,
        };
        await store.upsert(row, trx);
        return { merchant: merchantOf(row), created: !existing };
      });
    },

    /**
     * Adds the entries the directory does not know yet; a name the bank has changed stays as
     * the bank wrote it, so running it again changes nothing. Safe when processes start at once.
     * @returns how many merchants were added.
     */
    async seed(entries: readonly MerchantEntry[]): Promise<number> {
      const nowMs = clock.nowMs();
      const rows = entries.map((entry): MerchantRow => {
        const issues = merchantIssues(entry.id, entry);
        if (issues.length > 0)
          throw new Error(
            `Seed merchant ${entry.id} is invalid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
          );
        return {
          id: entry.id,
          name_zh_tw: cleanName(entry.names['zh-TW']),
          name_en: cleanName(entry.names.en),
          mcc: entry.mcc,
          created_at: nowMs,
          updated_at: nowMs,
          updated_by: null,
        };
      });
      return store.insertMissing(rows);
    },
  };
}

export type MerchantDirectory = ReturnType<typeof createMerchantDirectory>;
