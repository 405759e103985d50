import i18next from 'i18next';
import { rewardsEn } from './en.ts';
import { rewardsZhCN } from './zh-cn.ts';
import { rewardsZhTW } from './zh-tw.ts';

/**
 * Adds the card app's and console's strings under `rewards.*` in every language. The Rewards
 * chunk calls it as it loads, before any of its screens renders, so Community readers never
 * download these strings.
 */
export function registerRewardsCatalogs(): void {
  const catalogs = { 'zh-TW': rewardsZhTW, 'zh-CN': rewardsZhCN, en: rewardsEn };
  for (const [language, rewards] of Object.entries(catalogs))
    i18next.addResourceBundle(language, 'translation', { rewards }, true, true);
}
