import { type Static, Type } from '@sinclair/typebox';
import type { CalendarDate } from '../calendar/taipei-date.ts';
import { computeEarning, type Earning } from '../earning/engine.ts';
import { explainLine } from '../earning/explain.ts';
import { selectionDate } from '../earning/selection.ts';
import type { CardState, EarningTransaction } from '../earning/types.ts';
import { planVersionOn } from '../program/lookup.ts';
import type { Program } from '../program/types.ts';
import { Names } from './schemas.ts';

const PreviewLine = Type.Object({
  kind: Type.Union([Type.Literal('general'), Type.Literal('bonus')]),
  points: Type.Integer(),
  /** The rate the line earned at: the general rate, or the channel's bonus over it. */
  rateBps: Type.Integer(),
  /** The exact points before half-up rounding, as a decimal. */
  exactPoints: Type.String(),
  channelId: Type.Union([Type.String(), Type.Null()]),
  explanation: Names,
});

const PlanPreview = Type.Object({
  planId: Type.String(),
  names: Names,
  versionId: Type.String(),
  totalPoints: Type.Integer(),
  lines: Type.Array(PreviewLine),
});

export const PreviewResponse = Type.Object({
  /** The Taipei date that picks the plan version (the program's plan-selection date). */
  selectionDate: Type.String(),
  /** What the transaction earns with no plan: the general rate alone. */
  withoutPlan: Type.Object({ totalPoints: Type.Integer(), lines: Type.Array(PreviewLine) }),
  /** Every plan in force that day, in catalog order; caps are taken as unused. */
  items: Type.Array(PlanPreview),
});
export type PreviewResponse = Static<typeof PreviewResponse>;

function lines(earning: Earning): Static<typeof PreviewLine>[] {
  return earning.lines.flatMap((line) =>
    line.kind === 'clawback'
      ? []
      : [
          {
            kind: line.kind,
            points: line.points,
            rateBps: line.calc.rateBps,
            exactPoints: line.calc.exactPoints,
            channelId: line.kind === 'bonus' ? line.channel.id : null,
            explanation: { 'zh-TW': explainLine(line, 'zh-TW'), en: explainLine(line, 'en') },
          },
        ],
  );
}

/**
 * "This transaction would earn N points under each plan": the engine run once per plan in force
 * on the selection date, for a card in the given state, with no cap used yet. Read-only.
 */
export function previewEarnings(
  program: Program,
  transaction: EarningTransaction,
  card: CardState,
): PreviewResponse {
  const { settings } = program;
  const date: CalendarDate = selectionDate(settings, transaction);
  const run = (planVersion: Parameters<typeof computeEarning>[0]['planVersion']) =>
    computeEarning({ transaction, planVersion, card, capsUsed: {}, settings });
  const base = run(undefined);
  const items = program.plans.flatMap((plan) => {
    const version = planVersionOn(plan, date);
    if (!version) return [];
    const earning = run(version);
    return [
      {
        planId: plan.id,
        names: version.names,
        versionId: version.id,
        totalPoints: earning.totalPoints,
        lines: lines(earning),
      },
    ];
  });
  return { selectionDate: date, withoutPlan: { totalPoints: base.totalPoints, lines: lines(base) }, items };
}
