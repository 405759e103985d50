import type { CalendarDate } from '../calendar/taipei-date.ts';
import {
  birthdayChannels2025Q3,
  digitalChannels,
  diningChannels,
  everydayChannels,
  flat,
  kidsChannels2025,
  LEVEL_RATES,
  travelChannels,
} from './cube-channels.ts';
import { TW_BUSINESS_CALENDAR } from './tw-business-calendar.ts';
import type {
  Channel,
  ChannelRate,
  Eligibility,
  LocalizedText,
  Plan,
  PlanVersion,
  Program,
  ProgramSettings,
} from './types.ts';

/**
 * The default program: CUBE as published. Every number cites
 * the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12) (§ numbers below).
 */
export const CUBE_SETTINGS: ProgramSettings = {
  generalRateBps: 30, // §1.4: general spending 0.3%, uncapped, any plan
  pointValue: { points: 1, perTwd: 1 }, // §1.3/§1.7: 1 point = NT$1
  planSelectionDate: 'transaction', // §1.3: 消費日比對適用權益方案
  installmentGeneralOnlySince: '2024-02-01', // §1.5: 自2024/2/1起…分期…僅適用一般消費0.3%
  availableAfterBusinessDays: 2, // §1.3: credited 次二日, postponed on holidays
  businessCalendar: TW_BUSINESS_CALENDAR, // the first content of the calendar tables; the bank edits it there
  homeCountry: 'TW',
  homeCurrency: 'TWD', // §1.7: foreign = currency ≠ NTD, or NTD at an overseas merchant
  // Points already spent cannot be un-spent: a refund's shortfall becomes points the card owes.
  allowNegativeAvailable: false,
  // Issue 3: 每筆交易 rounds half-up once (NT$150 at 3% = 4.5 → 5), not each line apart.
  rounding: 'transaction',
};

interface Window {
  readonly suffix: string;
  readonly from: CalendarDate;
  /** null: open-ended, until the bank schedules an end. */
  readonly to: CalendarDate | null;
}

// 2024: the four main plans paid a flat 3%, uncapped (§1.4, rich01 updated 2024-04-03).
const Y2024: Window = { suffix: '2024', from: '2024-01-01', to: '2024-12-31' };
// When levels replaced the flat 3% is not in the note; 2025-01-01 is an assumption to verify.
const Y2025: Window = { suffix: '2025', from: '2025-01-01', to: '2025-12-31' };
// Plans are re-published each half year ("玩數位 適用期間：2026/1/1~2026/6/30", §1.4).
const H1_2026: Window = { suffix: '2026h1', from: '2026-01-01', to: '2026-06-30' };
// The bank re-publishes; Plaza cannot know when. The current versions are open-ended, so the
// shelf never empties by the calendar alone: the bank ends them by scheduling a withdrawal when
// it publishes their successors (the console warns 30 days ahead of a plan leaving the shelf
// with no successor). A fixed 2026-12-31 end left no plan to switch to from 2027-01-01.
const H2_2026: Window = { suffix: '2026h2', from: '2026-07-01', to: null };

const EVERYONE: Eligibility = { kind: 'everyone' };

function version(
  planId: string,
  names: LocalizedText,
  window: Window,
  channels: Channel[],
  eligibility: Eligibility = EVERYONE,
): PlanVersion {
  return {
    id: `${planId}-${window.suffix}`,
    planId,
    names,
    validFrom: window.from,
    validTo: window.to,
    eligibility,
    channels,
    caps: [], // the note found no caps on these plans (§1.4: 2024 "無上限"); caps are per version when set
  };
}

/** A main plan: flat 3% in 2024, then the given current rate in each later window. */
function mainPlan(
  id: string,
  names: LocalizedText,
  channelsAt: (rate: ChannelRate) => Channel[],
  currentRate: ChannelRate,
): Plan {
  const current = [Y2025, H1_2026, H2_2026].map((w) => version(id, names, w, channelsAt(currentRate)));
  return { id, names, versions: [version(id, names, Y2024, channelsAt(flat(300))), ...current] };
}

const DIGITAL: LocalizedText = { 'zh-TW': '玩數位', en: 'Digital' };
const DINING: LocalizedText = { 'zh-TW': '樂饗購', en: 'Dining & Shopping' };
const TRAVEL: LocalizedText = { 'zh-TW': '趣旅行', en: 'Travel' };
const EVERYDAY: LocalizedText = { 'zh-TW': '集精選', en: 'Everyday' };
const BIRTHDAY: LocalizedText = { 'zh-TW': '慶生月', en: 'Birthday Month' };
const KIDS: LocalizedText = { 'zh-TW': '童樂匯', en: 'Kids' };

export const CUBE_PLANS: readonly Plan[] = [
  mainPlan('digital', DIGITAL, digitalChannels, LEVEL_RATES),
  mainPlan('dining', DINING, diningChannels, LEVEL_RATES),
  mainPlan('travel', TRAVEL, travelChannels, LEVEL_RATES),
  // 集精選 is not tiered: a flat 2% at every level (§1.4).
  mainPlan('everyday', EVERYDAY, everydayChannels, flat(200)),
  {
    id: 'birthday',
    names: BIRTHDAY,
    versions: [
      version(
        'birthday',
        BIRTHDAY,
        { suffix: '2025q3', from: '2025-07-01', to: '2025-09-30' },
        birthdayChannels2025Q3(),
        { kind: 'birth_month' },
      ),
    ],
  },
  {
    id: 'kids',
    names: KIDS,
    versions: [
      // Eligible cardholders (customer and child hold CUB accounts by the 20th) may use it from
      // the 1st of the next month (§1.4): the card's `kids` flag carries that start date.
      version('kids', KIDS, { suffix: '2025', from: '2025-08-01', to: '2025-11-20' }, kidsChannels2025(), {
        kind: 'flag',
        flag: 'kids',
      }),
    ],
  },
];

export const CUBE_PROGRAM: Program = {
  id: 'cube',
  names: { 'zh-TW': 'CUBE 卡', en: 'CUBE card' },
  settings: CUBE_SETTINGS,
  plans: CUBE_PLANS,
};
