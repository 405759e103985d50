/** Transactions, their points and the card's points account (`packages/rewards/src/points/schemas.ts`). */

export type TransactionStatus =
  | 'authorized'
  | 'reversed'
  | 'expired'
  | 'settled'
  | 'partially_refunded'
  | 'refunded'
  | 'charged_back';

export interface PointsTotals {
  earned: number;
  clawedBack: number;
  net: number;
  /** Of the net points, those still waiting for their business day. */
  pending: number;
  available: number;
}

export interface TransactionItem {
  id: string;
  cardId: string;
  status: TransactionStatus | string;
  merchant: { id: string; name: string; mcc: string; country: string } | null;
  currency: string;
  authorizedAmount: number;
  settledAmount: number;
  refundedAmount: number;
  chargedBackAmount: number;
  billedAmountTwd: number;
  transactionAt: number;
  settledAt: number | null;
  installments: { count: number; billed: number } | null;
  points: PointsTotals;
  events: { id: string; type: string; amount: number; currency: string; at: number; points: number | null }[];
}

export interface CapState {
  capId: string;
  key: string;
  period: string;
  scope: string;
  limitPoints: number;
  usedBefore: number;
  remainingAfter: number;
}

export interface LineReason {
  plan: { id: string; versionId: string; name: string } | null;
  channel: { id: string; name: string } | null;
  rateBps: number | null;
  channelRateBps: number | null;
  generalRateBps: number | null;
  level: number | null;
  caps: CapState[];
  cappedPoints: number;
  rounding: { basisTwdMinor: number; exactPoints: string; roundedPoints: number } | null;
  bonusSkipped: string | null;
  selectionDate: string | null;
  foreign: { currency: string; amountMinor: number; country: string } | null;
  installment: { count: number; index: number } | null;
  clawback: {
    of: string;
    originalPoints: number;
    currency: string;
    originalAmountMinor: number;
    refundMinor: number;
    refundedBeforeMinor: number;
    exactPoints: string;
  } | null;
}

export interface PointsLine {
  eventId: string;
  eventType: string;
  lineNo: number;
  at: number;
  kind: 'general' | 'bonus' | 'clawback';
  points: number;
  /** One sentence in the language asked for (zh-TW or en). */
  explanation: string;
  reason: LineReason;
}

export interface TransactionPoints {
  transactionId: string;
  cardId: string;
  lang: string;
  totals: PointsTotals;
  lines: PointsLine[];
}

export interface PostingItem {
  id: string;
  /** earn, clawback_pending, clawback_available, clawback_receivable, release, repay, spend */
  kind: string;
  points: number;
  /** bank, pending, available or receivable */
  from: string;
  to: string;
  transactionId: string | null;
  eventId: string;
  effectiveAt: number;
  recordedAt: number;
}

export interface PointsView {
  cardId: string;
  pending: number;
  available: number;
  /** Points clawed back after they were spent, repaid from the card's next released points. */
  owed: number;
  items: PostingItem[];
  nextCursor: string | null;
}
