/** Who lives in the demo community: long-time Chinese creators, regulars, and the newcomers of the surge. */

export type Language = 'zh-TW' | 'zh-CN' | 'en';

export const THEMES = [
  'food',
  'coffee',
  'travel',
  'outfit',
  'pets',
  'study',
  'fitness',
  'home',
  'skincare',
  'citywalk',
  'refugee',
] as const;
export type Theme = (typeof THEMES)[number];

/** `creator`: joined years ago, many notes; `regular`: a while ago, a few; `newcomer`: the last two days. */
export type Cohort = 'creator' | 'regular' | 'newcomer';

export interface Persona {
  handle: string;
  displayName: string;
  bio: string;
  language: Language;
  /** The first theme is what they mostly post about. */
  themes: Theme[];
  cohort: Cohort;
  joinedDaysAgo: number;
  /** Notes at scale 1. */
  notes: number;
  /** Their own words for template slots (their city, their cat), ahead of the corpus's. */
  slots?: Record<string, string[]>;
}

/** Positional shorthand so the persona lists read as a table. */
export const persona = (
  handle: string,
  displayName: string,
  language: Language,
  cohort: Cohort,
  joinedDaysAgo: number,
  notes: number,
  themes: Theme[],
  bio: string,
  slots?: Record<string, string[]>,
): Persona => ({
  handle,
  displayName,
  language,
  cohort,
  joinedDaysAgo,
  notes,
  themes,
  bio,
  ...(slots ? { slots } : {}),
});
