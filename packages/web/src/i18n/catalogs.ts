import { rewardsEn } from '../rewards/locales/en.ts';
import { rewardsZhCN } from '../rewards/locales/zh-cn.ts';
import { rewardsZhTW } from '../rewards/locales/zh-tw.ts';
import { en as communityEn } from './locales/en.ts';
import { zhCN as communityZhCN } from './locales/zh-cn.ts';
import { zhTW as communityZhTW } from './locales/zh-tw.ts';

/**
 * Every message of the app in each language, whole: the Community's, which the first page loads,
 * and Rewards' (`rewards.*`), which the card app's chunk adds when it loads. Types and tests read
 * these; the running app never imports this file, so the first page stays without Rewards' text.
 */
export const en = { ...communityEn, rewards: rewardsEn };
export const zhTW = { ...communityZhTW, rewards: rewardsZhTW };
export const zhCN = { ...communityZhCN, rewards: rewardsZhCN };
