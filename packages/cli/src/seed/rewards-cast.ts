import type { CardLevel } from '@plaza/rewards';
import { type DemoMerchant, DEMO_MERCHANTS as M } from './rewards-merchants.ts';

/** The bank's decisions, counting from the 1st of the next month: a new level, an eligibility flag. */
export type StatusChange = { readonly level: CardLevel; readonly reason: string } | { readonly flag: string };

export type Weighted = readonly (readonly [DemoMerchant, number])[];

/** A demo cardholder: the card, how they spend, the plans they pick and what the bank decides. */
export interface CastMember {
  readonly key: string;
  /** A demo account's handle (the community seed creates it). */
  readonly holder: string;
  readonly level: CardLevel;
  readonly last4: string;
  readonly issuedDaysAgo: number;
  /** The primary card's key, for a supplementary card (附卡). */
  readonly primary?: string;
  /** Purchases per day, on average, and where. */
  readonly perDay: number;
  readonly usual: Weighted;
  /** Days (ago) spent abroad, with where they pay then. */
  readonly trip?: { readonly fromDaysAgo: number; readonly toDaysAgo: number; readonly places: Weighted };
  /** Plan picks: days ago → plan. The first is made when the card is issued. */
  readonly plans: readonly (readonly [number, string])[];
  readonly status?: readonly (readonly [number, StatusChange])[];
}

/**
 * Who holds a demo card. Taiwanese personas (CUBE is a Taiwanese card) and one expat in Taipei,
 * so the card app can be tried in zh-TW and in English.
 */
export const REWARDS_CAST: readonly CastMember[] = [
  {
    key: 'ade',
    holder: 'ade_eats_taipei',
    level: 2,
    last4: '4821',
    issuedDaysAgo: 150,
    perDay: 1.3,
    usual: [
      [M.dinTaiFung, 2],
      [M.noodles, 4],
      [M.uberEats, 4],
      [M.foodpanda, 3],
      [M.louisa, 3],
      [M.mitsukoshi, 1],
      [M.sogo, 1],
      [M.sevenEleven, 3],
      [M.mcdonalds, 1],
      [M.watsons, 1],
    ],
    // A week in Tokyo on the travel plan (overseas in person), back to dining after.
    trip: {
      fromDaysAgo: 36,
      toDaysAgo: 31,
      places: [
        [M.ichiran, 3],
        [M.donki, 2],
        [M.lawson, 4],
        [M.jrEast, 2],
        [M.disney, 1],
      ],
    },
    plans: [
      [150, 'dining'],
      [39, 'travel'],
      [29, 'dining'],
    ],
  },
  {
    key: 'island',
    holder: 'island_diary_tw',
    level: 3,
    last4: '7730',
    issuedDaysAgo: 200,
    perDay: 0.9,
    usual: [
      [M.thsr, 3],
      [M.uber, 3],
      [M.klook, 2],
      [M.agoda, 1],
      [M.chinaAirlines, 0.3],
      [M.cpc, 2],
      [M.carrefour, 2],
      [M.familymart, 3],
      [M.eslite, 1],
    ],
    plans: [
      [200, 'travel'],
      [70, 'everyday'],
      [44, 'travel'],
    ],
  },
  {
    key: 'island-family',
    holder: 'kevin_runs_tw',
    level: 3,
    last4: '7731',
    issuedDaysAgo: 180,
    primary: 'island',
    perDay: 0.6,
    usual: [
      [M.decathlon, 2],
      [M.sevenEleven, 4],
      [M.pxmart, 3],
      [M.uber, 1],
      [M.cpc, 1],
    ],
    plans: [],
  },
  {
    key: 'lin',
    holder: 'studygram_lin',
    level: 1,
    last4: '1066',
    issuedDaysAgo: 100,
    perDay: 0.8,
    usual: [
      [M.chatgpt, 0.4],
      [M.spotify, 0.3],
      [M.shopee, 4],
      [M.momo, 2],
      [M.eslite, 2],
      [M.louisa, 4],
      [M.familymart, 3],
      [M.amazon, 0.6],
    ],
    plans: [[100, 'digital']],
    // Started paying the bill through the app: Level 2 from the 1st of the next month (§1.4).
    status: [[75, { level: 2, reason: 'pays the bill through the app' }]],
  },
  {
    key: 'tiny',
    holder: 'tiny_home_tw',
    level: 2,
    last4: '5508',
    issuedDaysAgo: 130,
    perDay: 0.9,
    usual: [
      [M.ikea, 1],
      [M.carrefour, 3],
      [M.pxmart, 4],
      [M.toys, 1],
      [M.familymart, 2],
      [M.momo, 2],
      [M.taipower, 0.15],
      [M.cht, 0.3],
    ],
    plans: [
      [130, 'everyday'],
      [46, 'dining'],
      [22, 'everyday'],
    ],
    // A parent: eligible for 童樂匯 (kids) from the 1st of the next month.
    status: [[125, { flag: 'kids' }]],
  },
  {
    key: 'emily',
    holder: 'emily_in_taipei',
    level: 1,
    last4: '3194',
    issuedDaysAgo: 90,
    perDay: 1,
    usual: [
      [M.pxmart, 3],
      [M.sevenEleven, 4],
      [M.netflix, 0.3],
      [M.uber, 2],
      [M.thsr, 0.7],
      [M.amazon, 0.5],
      [M.louisa, 3],
      [M.dinTaiFung, 0.6],
      [M.shopee, 1],
    ],
    plans: [
      [90, 'everyday'],
      [52, 'digital'],
      [12, 'everyday'],
    ],
  },
];
