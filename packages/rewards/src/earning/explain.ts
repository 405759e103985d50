import { formatDate, formatMoney, formatRate, formatTwd } from './format.ts';
import { type Locale, type MessageKey, message } from './messages.ts';
import type { BonusLine, BonusSkip, ClawbackLine, EarningBasis, EarningLine, GeneralLine } from './types.ts';

/**
 * One sentence per earning line, in zh-TW or en: the rate, the amount it applied to, the exact
 * points and their rounding (the line's own, or the transaction's total rounded once and this
 * line's share of it), then why (installment, foreign, cap, no bonus).
 * @example explainLine(line, 'en') === 'General rate 0.3%: NT$250 × 0.3% = 0.75 points, rounded half-up to 1.'
 */
export function explainLine(line: EarningLine, locale: Locale): string {
  const parts = partsOf(line, locale);
  const [separator, stop] = locale === 'zh-TW' ? ['；', '。'] : ['; ', '.'];
  return `${parts.join(separator)}${stop}`;
}

export function explainLines(lines: readonly EarningLine[], locale: Locale): string[] {
  return lines.map((line) => explainLine(line, locale));
}

/**
 * How a transaction's earning lines add up, and where it was rounded.
 * @example explainTotal(lines, 'en') === 'Transaction total: 0.45 + 4.05 = 4.5 points, rounded half-up to 5.'
 */
export function explainTotal(lines: readonly EarningLine[], locale: Locale): string {
  const earned = lines.filter((line): line is GeneralLine | BonusLine => line.kind !== 'clawback');
  const first = earned[0];
  if (first?.total) {
    const terms = earned.map((line) => line.total?.lineExactPoints ?? String(line.points)).join(' + ');
    return message(locale, 'total', { terms, exact: first.total.exactPoints, points: first.total.points });
  }
  const points = earned.reduce((sum, line) => sum + line.points, 0);
  return message(locale, 'totalPerLine', { terms: earned.map((line) => line.points).join(' + '), points });
}

function partsOf(line: EarningLine, locale: Locale): string[] {
  switch (line.kind) {
    case 'general':
      return [...generalParts(line, locale), ...basisParts(line.basis, locale), ...totalParts(line, locale)];
    case 'bonus':
      return [
        ...bonusParts(line, locale),
        ...basisParts(line.basis, locale),
        ...capParts(line, locale),
        ...totalParts(line, locale),
      ];
    case 'clawback':
      return clawbackParts(line, locale);
  }
}

function generalParts(line: GeneralLine, locale: Locale): string[] {
  // Rounded once per transaction: the line shows its exact value, the total part its rounding.
  const main = message(locale, line.total ? 'generalExact' : 'general', {
    rate: formatRate(line.calc.rateBps),
    amount: formatTwd(line.calc.basisTwdMinor),
    exact: line.calc.exactPoints,
    points: line.calc.roundedPoints,
  });
  return line.bonusSkipped ? [main, skipPart(line.bonusSkipped, locale)] : [main];
}

function skipPart(skip: BonusSkip, locale: Locale): string {
  const key: MessageKey = `skip.${skip.code}`;
  switch (skip.code) {
    case 'no_plan':
      return message(locale, key);
    case 'installment_general_only':
      return message(locale, key, { since: formatDate(skip.since, locale) });
    default:
      return message(locale, key, { plan: skip.plan[locale] });
  }
}

function bonusParts(line: BonusLine, locale: Locale): string[] {
  const main = message(locale, line.total ? 'bonusExact' : 'bonus', {
    plan: line.plan.names[locale],
    channel: line.channel.names[locale],
    channelRate: formatRate(line.channelRateBps),
    generalRate: formatRate(line.generalRateBps),
    bonusRate: formatRate(line.calc.rateBps),
    amount: formatTwd(line.calc.basisTwdMinor),
    exact: line.calc.exactPoints,
    rounded: line.calc.roundedPoints,
  });
  return line.level === null ? [main] : [main, message(locale, 'level', { level: line.level })];
}

function basisParts(basis: EarningBasis, locale: Locale): string[] {
  const parts: string[] = [];
  if (basis.installment) parts.push(message(locale, 'installment', basis.installment));
  if (basis.foreign) {
    parts.push(
      message(locale, 'foreign', {
        original: formatMoney(basis.foreign.currency, basis.foreign.amountMinor),
        country: basis.foreign.country,
        amount: formatTwd(basis.billedAmountTwdMinor),
      }),
    );
  }
  return parts;
}

function capParts(line: BonusLine, locale: Locale): string[] {
  const parts = line.caps.map((cap) =>
    message(locale, 'capState', {
      scope: message(locale, cap.scope === 'plan' ? 'capPlan' : 'capChannel'),
      period: message(locale, cap.period === 'month' ? 'capMonth' : 'capWindow'),
      limit: cap.limitPoints,
      used: cap.usedBefore,
      remaining: cap.remainingAfter,
    }),
  );
  if (line.total && line.total.lineExactPoints !== line.calc.exactPoints) {
    parts.push(
      message(locale, 'capHold', { held: line.total.lineExactPoints, exact: line.calc.exactPoints }),
    );
  } else if (!line.total && line.cappedPoints > 0) {
    parts.push(message(locale, 'capCut', { cut: line.cappedPoints, points: line.points }));
  }
  return parts;
}

/** The transaction's total rounded once, and this line's share of it. */
function totalParts(line: GeneralLine | BonusLine, locale: Locale): string[] {
  const { total } = line;
  if (!total) return [];
  // The share passed the line's whole part: say where the rounding's point went.
  const wholePart = Number(total.lineExactPoints.split('.')[0]);
  const key: MessageKey = line.points > wholePart ? 'totalShareUp' : 'totalShare';
  return [message(locale, key, { exact: total.exactPoints, total: total.points, points: line.points })];
}

function clawbackParts(line: ClawbackLine, locale: Locale): string[] {
  const money = (minor: number) => formatMoney(line.currency, minor);
  const main = message(locale, 'clawback', {
    refund: money(line.refundMinor),
    original: money(line.originalAmountMinor),
    of: message(locale, line.of === 'general' ? 'ofGeneral' : 'ofBonus'),
    originalPoints: line.originalPoints,
    exact: line.exactPoints,
    points: -line.points,
  });
  const parts = [main];
  if (line.total) {
    const { earnedPoints, exactPoints, points } = line.total;
    parts.push(message(locale, 'clawbackTotal', { earned: earnedPoints, exact: exactPoints, points }));
  }
  if (line.refundedBeforeMinor > 0)
    parts.push(message(locale, 'clawbackBefore', { before: money(line.refundedBeforeMinor) }));
  return parts;
}
