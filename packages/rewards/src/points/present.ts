import { explainLine } from '../earning/explain.ts';
import type { Locale } from '../earning/messages.ts';
import type { EarningLine } from '../earning/types.ts';
import { bucketOf } from '../ledger/accounts.ts';
import type { PostingRow } from '../ledger/tables.ts';
import type { StoredLine } from '../lifecycle/reader.ts';

const NO_REASON = {
  plan: null,
  channel: null,
  rateBps: null,
  channelRateBps: null,
  generalRateBps: null,
  level: null,
  caps: [],
  cappedPoints: 0,
  rounding: null,
  bonusSkipped: null,
  selectionDate: null,
  foreign: null,
  installment: null,
  clawback: null,
};

/** The structured reason of a stored line, names in the asked language. */
export function reasonOf(line: EarningLine, locale: Locale) {
  switch (line.kind) {
    case 'general':
      return {
        ...NO_REASON,
        rateBps: line.calc.rateBps,
        generalRateBps: line.calc.rateBps,
        rounding: {
          basisTwdMinor: line.calc.basisTwdMinor,
          exactPoints: line.calc.exactPoints,
          roundedPoints: line.calc.roundedPoints,
        },
        bonusSkipped: line.bonusSkipped?.code ?? null,
        selectionDate: line.basis.selectionDate,
        foreign: line.basis.foreign,
        installment: line.basis.installment,
      };
    case 'bonus':
      return {
        ...NO_REASON,
        plan: { id: line.plan.id, versionId: line.plan.versionId, name: line.plan.names[locale] },
        channel: { id: line.channel.id, name: line.channel.names[locale] },
        rateBps: line.calc.rateBps,
        channelRateBps: line.channelRateBps,
        generalRateBps: line.generalRateBps,
        level: line.level,
        caps: line.caps.map((cap) => ({ ...cap })),
        cappedPoints: line.cappedPoints,
        rounding: {
          basisTwdMinor: line.calc.basisTwdMinor,
          exactPoints: line.calc.exactPoints,
          roundedPoints: line.calc.roundedPoints,
        },
        selectionDate: line.basis.selectionDate,
        foreign: line.basis.foreign,
        installment: line.basis.installment,
      };
    case 'clawback':
      return {
        ...NO_REASON,
        clawback: {
          of: line.of,
          originalPoints: line.originalPoints,
          currency: line.currency,
          originalAmountMinor: line.originalAmountMinor,
          refundMinor: line.refundMinor,
          refundedBeforeMinor: line.refundedBeforeMinor,
          exactPoints: line.exactPoints,
        },
      };
  }
}

export function presentLine(stored: StoredLine, locale: Locale) {
  return {
    eventId: stored.eventId,
    eventType: stored.eventType,
    lineNo: stored.lineNo,
    at: stored.at,
    kind: stored.line.kind,
    points: stored.line.points,
    explanation: explainLine(stored.line, locale),
    reason: reasonOf(stored.line, locale),
  };
}

/** A posting seen from the card: which of its buckets the points left and entered ('bank' outside the card). */
export function presentPosting(row: PostingRow) {
  return {
    id: row.id,
    kind: row.leg,
    points: Number(row.amount),
    from: bucketOf(row.debit_account, row.card_id) ?? 'bank',
    to: bucketOf(row.credit_account, row.card_id) ?? 'bank',
    transactionId: row.transaction_id,
    eventId: row.event_id,
    effectiveAt: Number(row.effective_at),
    recordedAt: Number(row.recorded_at),
  };
}
