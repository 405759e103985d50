import type { UiLanguage } from '../api/types.ts';

export const UI_LANGUAGES: readonly UiLanguage[] = ['zh-TW', 'zh-CN', 'en'];
export const LANGUAGE_STORAGE_KEY = 'plaza.language';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * Maps one BCP 47 tag to a UI language: Traditional for zh-Hant and the regions that write it
 * (TW, HK, MO), Simplified for other Chinese, English for English; null for anything else so
 * the next preference gets its turn.
 */
export function uiLanguageOf(tag: string): UiLanguage | null {
  const parts = tag.toLowerCase().split(/[-_]/);
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  if (parts.includes('hant')) return 'zh-TW';
  if (parts.includes('hans')) return 'zh-CN';
  return parts.some((p) => TRADITIONAL_REGIONS.has(p)) ? 'zh-TW' : 'zh-CN';
}

/** The first of the browser's preferences we speak, else English. */
export function pickLanguage(preferences: readonly string[]): UiLanguage {
  for (const tag of preferences) {
    const language = uiLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}

/** The document's language tag for a UI language: the script and region a reader's tools need. */
export function htmlLangOf(language: UiLanguage): string {
  if (language === 'zh-TW') return 'zh-Hant-TW';
  if (language === 'zh-CN') return 'zh-Hans-CN';
  return 'en';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A remembered choice wins over the browser's preferences. */
export function initialLanguage(): UiLanguage {
  const stored = readStored();
  if (stored) return stored;
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLanguage(prefs);
}

export function readStored(): UiLanguage | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null; // storage can be disabled (private mode); fall back to the browser
  }
}

export function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered across visits; the choice still applies to this page
  }
}
