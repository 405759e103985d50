import type { Channel, ChannelRate, LocalizedText } from './types.ts';

/**
 * CUBE's channels, from the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12) §1.4 ("Channel examples",
 * third-party scrapes of the official pages, 2025–26) and §4 (MCC ranges). The bank's real
 * lists are longer; these are the merchants the note names. Merchant ids are the program's
 * own: mapping an acquirer's merchant id onto them is the import's job.
 */

function channel(id: string, names: LocalizedText, rate: ChannelRate, rules: Channel['rules']): Channel {
  return { id, names, rate, rules };
}

/** 玩數位: AI and design tools, streaming and app stores, listed online shops. */
export function digitalChannels(rate: ChannelRate): Channel[] {
  return [
    channel('digital.ai-tools', { 'zh-TW': 'AI 與設計工具', en: 'AI and design tools' }, rate, [
      { merchantIds: ['chatgpt', 'claude', 'canva'] },
    ]),
    channel('digital.streaming', { 'zh-TW': '影音串流與數位平台', en: 'Streaming and app stores' }, rate, [
      { merchantIds: ['netflix', 'disney-plus', 'spotify', 'apple', 'google-play'] },
    ]),
    channel('digital.online-shops', { 'zh-TW': '指定網購平台', en: 'Listed online shops' }, rate, [
      { merchantIds: ['shopee', 'momo', 'pchome', 'treebuy', 'coupang', 'taobao'] },
    ]),
  ];
}

/** 樂饗購: listed department stores, food delivery, domestic dining, drugstores. */
export function diningChannels(rate: ChannelRate): Channel[] {
  return [
    // The note names 遠東SOGO and 新光三越 (the bank's own 2024 examples, §1.8 A1/A2). Counters
    // inside a store (店中櫃) are excluded by the bank, so the import must not map them here.
    channel('dining.department-stores', { 'zh-TW': '指定百貨', en: 'Listed department stores' }, rate, [
      { merchantIds: ['far-eastern-sogo', 'shin-kong-mitsukoshi'] },
    ]),
    channel('dining.delivery', { 'zh-TW': '美食外送', en: 'Food delivery' }, rate, [
      { merchantIds: ['uber-eats', 'foodpanda'] },
    ]),
    // "國內餐飲": one scraper gives MCC 5811–5814; §4 confirms TW banks treat 5811–5814 as dining.
    channel('dining.domestic-dining', { 'zh-TW': '國內餐飲', en: 'Dining in Taiwan' }, rate, [
      { mcc: [[5811, 5814]], region: 'domestic' },
      { merchantIds: ['mcdonalds'] },
    ]),
    channel('dining.drugstores', { 'zh-TW': '指定藥妝', en: 'Listed drugstores' }, rate, [
      { merchantIds: ['cosmed', 'watsons'] },
    ]),
  ];
}

/** 趣旅行: any overseas in-person spending, theme parks, transport, airlines, booking sites, agencies. */
export function travelChannels(rate: ChannelRate): Channel[] {
  return [
    channel(
      'travel.overseas-in-person',
      { 'zh-TW': '海外實體消費', en: 'Overseas in-person spending' },
      rate,
      [{ region: 'overseas', presence: 'in_person' }],
    ),
    channel('travel.theme-parks', { 'zh-TW': '指定樂園', en: 'Listed theme parks' }, rate, [
      { merchantIds: ['tokyo-disney-resort', 'universal-studios-japan'] },
    ]),
    // Car rental by MCC: §4 gives 3300–3499 for car-rental brands, 7512 is the generic agency code.
    channel('travel.transport', { 'zh-TW': '交通與租車', en: 'Transport and car rental' }, rate, [
      { merchantIds: ['uber', 'grab', 'thsr', 'yoxi', 'irent'] },
      { mcc: [[3300, 3499], 7512] },
    ]),
    // The bank lists about 20 airlines; the note names these four (台灣虎航 is a channel here, not a partner).
    channel('travel.airlines', { 'zh-TW': '指定航空', en: 'Listed airlines' }, rate, [
      { merchantIds: ['china-airlines', 'eva-air', 'starlux', 'tigerair-taiwan'] },
    ]),
    channel('travel.booking', { 'zh-TW': '旅遊訂房訂票平台', en: 'Travel booking sites' }, rate, [
      { merchantIds: ['klook', 'kkday', 'agoda', 'booking-com', 'airbnb', 'trip-com'] },
    ]),
    channel('travel.agencies', { 'zh-TW': '旅行社', en: 'Travel agencies' }, rate, [{ mcc: [4722] }]),
  ];
}

/** 集精選: supermarkets, convenience stores, fuel, IKEA, EV charging and parking. */
export function everydayChannels(rate: ChannelRate): Channel[] {
  return [
    // 全聯 counts in its stores only, and not 大全聯 (a separate merchant id, not listed).
    channel('everyday.supermarkets', { 'zh-TW': '指定量販超市', en: 'Listed supermarkets' }, rate, [
      { merchantIds: ['carrefour', 'lopia'] },
      { merchantIds: ['pxmart'], presence: 'in_person' },
    ]),
    channel('everyday.convenience', { 'zh-TW': '便利商店', en: 'Convenience stores' }, rate, [
      { merchantIds: ['seven-eleven', 'familymart'] },
    ]),
    channel('everyday.fuel-home', { 'zh-TW': '中油直營與 IKEA', en: 'CPC stations and IKEA' }, rate, [
      { merchantIds: ['cpc-direct', 'ikea'] },
    ]),
    // MCC 5552 is electric-vehicle charging, 7523 parking lots and garages.
    channel('everyday.ev-parking', { 'zh-TW': '充電與停車', en: 'EV charging and parking' }, rate, [
      { mcc: [5552, 7523] },
    ]),
  ];
}

/** 慶生月, 2025/7/1–9/30 list (§1.4, third-party card data): 10% and 3.5% tiers. */
export function birthdayChannels2025Q3(): Channel[] {
  return [
    channel(
      'birthday.ten-percent',
      { 'zh-TW': '生日 10% 指定通路', en: 'Birthday 10% merchants' },
      flat(1000),
      [
        {
          merchantIds: [
            'playstation',
            'nintendo',
            'cashbox-ktv',
            'holiday-ktv',
            'tokyo-disney-resort',
            'universal-studios-japan',
          ],
        },
      ],
    ),
    channel(
      'birthday.three-point-five',
      { 'zh-TW': '生日 3.5% 指定通路', en: 'Birthday 3.5% merchants' },
      flat(350),
      [{ merchantIds: ['shin-kong-mitsukoshi', 'klook', 'funnow', 'uber-eats'] }],
    ),
  ];
}

/**
 * 童樂匯, 2025/8/1–11/20: the note gives the 10% / 5% tiers and the window but not the merchant
 * list, so these MCC channels are placeholders (5945 toy and game shops, 5641 children's wear,
 * 8299 schools and educational services) to be replaced from the official page.
 */
export function kidsChannels2025(): Channel[] {
  return [
    channel('kids.ten-percent', { 'zh-TW': '親子 10% 通路', en: 'Kids 10% merchants' }, flat(1000), [
      { mcc: [5945, 5641] },
    ]),
    channel('kids.five-percent', { 'zh-TW': '親子 5% 通路', en: 'Kids 5% merchants' }, flat(500), [
      { mcc: [8299] },
    ]),
  ];
}

export function flat(bps: number): ChannelRate {
  return { kind: 'flat', bps };
}

/** Current 權益分級 rates for 玩數位/樂饗購/趣旅行: Level 1 2%, Level 2 3%, Level 3 3.3% (§1.4). */
export const LEVEL_RATES: ChannelRate = { kind: 'by_level', bps: { 1: 200, 2: 300, 3: 330 } };
