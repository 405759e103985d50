import { Body, Pattern } from '@plaza/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * The program's shapes on the admin API: the same data as `program/types.ts`, so what the bank
 * writes is what the engine reads. Every nested object is exact (unknown fields refused) and
 * every list bounded. Value rules across fields (rates ≥ the general rate, caps naming real
 * channels, windows not overlapping) are `checkProgram`'s, answered with its field messages.
 */
const exact = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const ProgramId = Pattern('^[a-z0-9][a-z0-9._-]{0,63}$', {
  code: 'not_program_id',
  params: { max: 64 },
});
export const FlagName = Pattern('^[a-z][a-z0-9_-]{0,31}$', { code: 'not_flag_name', params: { max: 32 } });
export const DATE_TEXT_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const DateText = Pattern(
  DATE_TEXT_PATTERN,
  { code: 'not_date' },
  { description: 'YYYY-MM-DD, Asia/Taipei' },
);
// The offset is required: an instant without one would silently mean UTC to some readers.
export const Instant = Pattern(
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$',
  { code: 'not_date_time' },
  { format: 'date-time', description: 'RFC 3339 with an offset, e.g. 2026-07-01T00:00:00+08:00' },
);

/** Epoch ms of an `Instant` that passed its schema. */
export function instantMs(text: string): number {
  return Date.parse(text);
}
export const Names = exact({
  'zh-TW': Type.String({ minLength: 1, maxLength: 100 }),
  en: Type.String({ minLength: 1, maxLength: 100 }),
});
const Bps = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 0.3% = 30' });
const Mcc = Type.Integer({ minimum: 0, maximum: 9999 });
/**
 * An inclusive range [low, high]. Written as an array of exactly two codes, not a tuple:
 * OpenAPI 3.0 has no tuple (`items` must be one schema), and both places hold an MCC, so the
 * two accept the same values. The static type stays the pair the program's types use.
 */
const MccRange = Type.Unsafe<[number, number]>(Type.Array(Mcc, { minItems: 2, maxItems: 2 }));

const Rule = exact({
  merchantIds: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 }),
  ),
  mcc: Type.Optional(
    Type.Array(Type.Union([Mcc, MccRange]), {
      minItems: 1,
      maxItems: 500,
      description: 'codes, or inclusive ranges [low, high]',
    }),
  ),
  region: Type.Optional(Type.Union([Type.Literal('domestic'), Type.Literal('overseas')])),
  presence: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('online')])),
});

const Rate = Type.Union([
  exact({ kind: Type.Literal('flat'), bps: Bps }),
  exact({ kind: Type.Literal('by_level'), bps: exact({ '1': Bps, '2': Bps, '3': Bps }) }),
]);

export const ChannelSchema = exact({
  id: ProgramId,
  names: Names,
  rules: Type.Array(Rule, {
    maxItems: 50,
    description: 'any rule matches (OR); within a rule every condition (AND)',
  }),
  rate: Rate,
});

export const CapSchema = exact({
  id: ProgramId,
  scope: Type.Union([
    exact({ kind: Type.Literal('plan') }),
    exact({ kind: Type.Literal('channel'), channelId: ProgramId }),
  ]),
  period: Type.Union([Type.Literal('month'), Type.Literal('window')]),
  limitPoints: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
});

export const EligibilitySchema = Type.Union([
  exact({ kind: Type.Literal('everyone') }),
  exact({ kind: Type.Literal('birth_month') }),
  exact({ kind: Type.Literal('flag'), flag: FlagName }),
]);

const termFields = {
  names: Names,
  validFrom: DateText,
  validTo: Type.Union([DateText, Type.Null()], {
    description: 'the last day, or null: open-ended, until the bank schedules an end (withdraw)',
  }),
  eligibility: EligibilitySchema,
  channels: Type.Array(ChannelSchema, { maxItems: 100 }),
  caps: Type.Array(CapSchema, { maxItems: 50 }),
};

export const VersionTermsBody = Body(termFields);
export const NewVersionBody = Body({ id: Type.Optional(ProgramId), ...termFields });
export const NewPlanBody = Body({ id: ProgramId, names: Names });
export const ScheduleBody = Body({
  onShelfAt: Type.Optional(Instant),
  offShelfAt: Type.Optional(Type.Union([Instant, Type.Null()])),
});
export const WithdrawBody = Body({ offShelfAt: Type.Optional(Instant) });

export const PlanParams = exact({ planId: ProgramId });
export const VersionParams = exact({ versionId: ProgramId });

const VersionState = Type.Union(
  ['draft', 'scheduled', 'on_shelf', 'withdrawn', 'ended'].map((s) => Type.Literal(s)),
);

export const VersionView = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  ...termFields,
  /** The published window cut to the shelf: the Taipei dates this version judges, or null. */
  effective: Type.Union([
    Type.Object({ from: Type.String(), to: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  shelf: Type.Union([
    Type.Object({ onShelfAt: Type.Integer(), offShelfAt: Type.Union([Type.Integer(), Type.Null()]) }),
    Type.Null(),
  ]),
  state: VersionState,
  /** False once the version has been on the shelf: its terms and start are final. */
  editable: Type.Boolean(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});
export type VersionView = Static<typeof VersionView>;

export const PlanAdminView = Type.Object({
  id: Type.String(),
  names: Names,
  state: Type.Union([Type.Literal('on_shelf'), Type.Literal('scheduled'), Type.Literal('off_shelf')]),
  createdAt: Type.Integer(),
  versions: Type.Array(VersionView),
});
export type PlanAdminView = Static<typeof PlanAdminView>;

export const CatalogView = Type.Object({
  programId: Type.String(),
  names: Names,
  revision: Type.Integer(),
  generalRateBps: Type.Integer(),
  planSelectionDate: Type.Union([Type.Literal('transaction'), Type.Literal('settlement')]),
  /** Epoch ms the states below were computed at. */
  asOf: Type.Integer(),
  plans: Type.Array(PlanAdminView),
  /**
   * Plans that leave the shelf within 30 days with no version after them (cardholders could
   * no longer switch to them): schedule a successor, or let them go on purpose.
   */
  shelfWarnings: Type.Array(
    Type.Object({
      code: Type.Literal('plan_leaves_shelf'),
      planId: Type.String(),
      versionId: Type.String(),
      /** Epoch ms the plan stops being offered. */
      leavesShelfAt: Type.Integer(),
      /** Its last Taipei day on the shelf. */
      lastDay: Type.String(),
    }),
  ),
});
