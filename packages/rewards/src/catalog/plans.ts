import { type Static, Type } from '@sinclair/typebox';
import { planVersionAt } from '../program/lookup.ts';
import type { Channel, ChannelRule, Eligibility, Program } from '../program/types.ts';

const Names = Type.Object({ 'zh-TW': Type.String(), en: Type.String() });

const RuleView = Type.Object({
  merchantIds: Type.Optional(Type.Array(Type.String())),
  /** A code, or an inclusive range `[from, to]`. */
  mcc: Type.Optional(Type.Array(Type.Union([Type.Integer(), Type.Array(Type.Integer())]))),
  region: Type.Optional(Type.Union([Type.Literal('domestic'), Type.Literal('overseas')])),
  presence: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('online')])),
});

export const ChannelView = Type.Object({
  id: Type.String(),
  names: Names,
  rules: Type.Array(RuleView),
  /** The advertised total rate in basis points per card level (equal when the rate is flat). */
  rateBps: Type.Object({ '1': Type.Integer(), '2': Type.Integer(), '3': Type.Integer() }),
  byLevel: Type.Boolean(),
});

export const PlanView = Type.Object({
  id: Type.String(),
  names: Names,
  version: Type.Object({
    id: Type.String(),
    names: Names,
    validFrom: Type.String(),
    /** null: open-ended, offered until the bank schedules an end. */
    validTo: Type.Union([Type.String(), Type.Null()]),
    eligibility: Type.Object({
      kind: Type.Union([Type.Literal('everyone'), Type.Literal('birth_month'), Type.Literal('flag')]),
      flag: Type.Optional(Type.String()),
    }),
    channels: Type.Array(ChannelView),
    caps: Type.Array(
      Type.Object({
        id: Type.String(),
        channelId: Type.Union([Type.String(), Type.Null()]),
        period: Type.Union([Type.Literal('month'), Type.Literal('window')]),
        limitPoints: Type.Integer(),
      }),
    ),
  }),
});
export type PlanView = Static<typeof PlanView>;

export const PlansResponse = Type.Object({
  programId: Type.String(),
  generalRateBps: Type.Integer(),
  items: Type.Array(PlanView),
});

function ruleView(rule: ChannelRule): Static<typeof RuleView> {
  return {
    ...(rule.merchantIds ? { merchantIds: [...rule.merchantIds] } : {}),
    ...(rule.mcc ? { mcc: rule.mcc.map((m) => (typeof m === 'number' ? m : [m[0], m[1]])) } : {}),
    ...(rule.region ? { region: rule.region } : {}),
    ...(rule.presence ? { presence: rule.presence } : {}),
  };
}

function channelView(channel: Channel): Static<typeof ChannelView> {
  const { rate } = channel;
  const bps =
    rate.kind === 'flat'
      ? { '1': rate.bps, '2': rate.bps, '3': rate.bps }
      : { '1': rate.bps[1], '2': rate.bps[2], '3': rate.bps[3] };
  return {
    id: channel.id,
    names: channel.names,
    rules: channel.rules.map(ruleView),
    rateBps: bps,
    byLevel: rate.kind === 'by_level',
  };
}

function eligibilityView(e: Eligibility) {
  return e.kind === 'flag' ? { kind: e.kind, flag: e.flag } : { kind: e.kind };
}

/** The plans on the shelf at an instant, each in its version valid then: what the card app offers. */
export function plansOnShelf(program: Program, nowMs: number): PlanView[] {
  const views: PlanView[] = [];
  for (const plan of program.plans) {
    const v = planVersionAt(program, plan.id, nowMs);
    if (!v) continue;
    views.push({
      id: plan.id,
      names: plan.names,
      version: {
        id: v.id,
        names: v.names,
        validFrom: v.validFrom,
        validTo: v.validTo,
        eligibility: eligibilityView(v.eligibility),
        channels: v.channels.map(channelView),
        caps: v.caps.map((c) => ({
          id: c.id,
          channelId: c.scope.kind === 'channel' ? c.scope.channelId : null,
          period: c.period,
          limitPoints: c.limitPoints,
        })),
      },
    });
  }
  return views;
}
