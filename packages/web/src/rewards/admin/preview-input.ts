import type { PreviewInput } from '../api/admin-types.ts';
import { currencyExponent } from '../lib/format.ts';
import { taipeiLocalToRfc3339 } from '../lib/taipei-input.ts';

/** The preview form as typed: amounts in whole currency units, the time as Taipei wall time. */
export interface PreviewDraft {
  amount: string;
  currency: string;
  /** Only asked for foreign currencies; a TWD purchase is billed its own amount. */
  billedTwd: string;
  merchantId: string;
  merchantName: string;
  mcc: string;
  country: string;
  presence: 'in_person' | 'online';
  transactionAt: string;
  installmentCount: string;
  installmentIndex: string;
  level: '1' | '2' | '3';
  birthMonth: string;
  kidsFrom: string;
}

export type PreviewProblem = 'amount' | 'billedTwd' | 'transactionAt' | 'installments';

/** "3,000.5" in a currency → minor units (TWD 2 digits → 300050); null when not an amount. */
export function toMinor(text: string, currency: string): number | null {
  const clean = text.replace(/[,\s]/g, '');
  const exponent = currencyExponent(currency);
  const pattern = exponent > 0 ? new RegExp(`^\\d+(\\.\\d{1,${exponent}})?$`) : /^\d+$/;
  if (!pattern.test(clean)) return null;
  const [whole = '0', fraction = ''] = clean.split('.');
  return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

function installmentsOf(draft: PreviewDraft): PreviewInput['transaction']['installments'] | null | undefined {
  if (!draft.installmentCount.trim()) return undefined;
  const count = Number(draft.installmentCount);
  const index = Number(draft.installmentIndex || '1');
  if (!Number.isInteger(count) || !Number.isInteger(index) || count < 1 || index < 1 || index > count)
    return null;
  return { count, index };
}

/** The API's body from the form, or the fields that cannot be sent as typed. */
export function previewInputFrom(draft: PreviewDraft): {
  input: PreviewInput | null;
  problems: PreviewProblem[];
} {
  const problems: PreviewProblem[] = [];
  const currency = draft.currency.trim().toUpperCase();
  const amount = toMinor(draft.amount, currency);
  if (amount === null) problems.push('amount');
  const billed = currency === 'TWD' ? amount : toMinor(draft.billedTwd, 'TWD');
  // For TWD the billed amount is the amount itself: its problem is already the amount's.
  if (billed === null && currency !== 'TWD') problems.push('billedTwd');
  const transactionAt = taipeiLocalToRfc3339(draft.transactionAt);
  if (!transactionAt) problems.push('transactionAt');
  const installments = installmentsOf(draft);
  if (installments === null) problems.push('installments');
  if (problems.length > 0 || amount === null || billed === null || !transactionAt || installments === null)
    return { input: null, problems };
  const birthMonth = draft.birthMonth ? Number(draft.birthMonth) : null;
  return {
    input: {
      transaction: {
        amount,
        currency,
        billedAmountTwd: billed,
        merchant: {
          id: draft.merchantId.trim(),
          name: draft.merchantName.trim(),
          mcc: draft.mcc.trim(),
          country: draft.country.trim().toUpperCase(),
          presence: draft.presence,
        },
        transactionAt,
        ...(installments ? { installments } : {}),
      },
      card: {
        level: Number(draft.level) as 1 | 2 | 3,
        birthMonth,
        ...(draft.kidsFrom ? { flags: { kids: draft.kidsFrom } } : {}),
      },
    },
    problems,
  };
}
