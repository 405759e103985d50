import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../api/types.ts';
import { htmlLangOf, initialLanguage, rememberLanguage } from './language.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-cn.ts';
import { zhTW } from './locales/zh-tw.ts';

/**
 * Starts i18next in the remembered or browser language, with the Community's strings; the card
 * app adds its own when its chunk loads (`registerRewardsCatalogs`).
 * React escapes output, so i18next need not.
 */
export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-TW': { translation: zhTW },
      'zh-CN': { translation: zhCN },
      en: { translation: en },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = htmlLangOf(lng);
  return i18next;
}

/** Switches the UI language now and for later visits. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  rememberLanguage(language);
  document.documentElement.lang = htmlLangOf(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  const lng = i18next.language;
  return lng === 'zh-TW' || lng === 'zh-CN' ? lng : 'en';
}
