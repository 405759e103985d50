import type { rewardsEn } from './en.ts';

export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language's Rewards strings have exactly English's keys. */
export type RewardsCatalog = Widen<typeof rewardsEn>;
