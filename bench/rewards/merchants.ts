/**
 * Merchants for synthetic settlement files: the program's channel merchants (ids as in
 * packages/rewards/src/program/cube-channels.ts), merchants that earn by MCC rules only, and
 * everyday merchants on no plan, domestic and overseas. Weights are relative visit counts,
 * shaped after card-spend mixes (groceries, convenience stores and dining most frequent).
 */
export interface Merchant {
  readonly id: string;
  readonly name: string;
  readonly mcc: string;
  readonly country: string;
  readonly presence: 'in_person' | 'online';
  readonly currency: string;
  /** Typical ticket in the currency's major unit; amounts spread around it. */
  readonly typical: number;
  readonly weight: number;
}

/** ISO 4217 exponents of the currencies used; JPY and KRW have no minor unit. */
export const EXPONENT: Readonly<Record<string, number>> = {
  TWD: 2,
  JPY: 0,
  KRW: 0,
  USD: 2,
  THB: 2,
  HKD: 2,
  SGD: 2,
  EUR: 2,
};

/** TWD per major unit, roughly the 2026 rates; the settlement carries the converted amount. */
export const TWD_RATE: Readonly<Record<string, number>> = {
  TWD: 1,
  JPY: 0.212,
  KRW: 0.0232,
  USD: 32.4,
  THB: 0.93,
  HKD: 4.16,
  SGD: 24.6,
  EUR: 35.1,
};

type Row = [id: string, name: string, mcc: string, typical: number, weight: number];

function domestic(rows: Row[], presence: Merchant['presence']): Merchant[] {
  return rows.map(([id, name, mcc, typical, weight]) => ({
    id,
    name,
    mcc,
    country: 'TW',
    presence,
    currency: 'TWD',
    typical,
    weight,
  }));
}

function overseas(
  country: string,
  currency: string,
  rows: Row[],
  presence: Merchant['presence'],
): Merchant[] {
  return rows.map(([id, name, mcc, typical, weight]) => ({
    id,
    name,
    mcc,
    country,
    presence,
    currency,
    typical,
    weight,
  }));
}

const LISTED_ONLINE: Row[] = [
  ['shopee', '蝦皮購物', '5399', 650, 60],
  ['momo', 'momo購物網', '5399', 1200, 40],
  ['pchome', 'PChome 24h購物', '5399', 1500, 20],
  ['coupang', '酷澎 Coupang', '5399', 800, 20],
  ['netflix', 'Netflix', '4899', 390, 10],
  ['spotify', 'Spotify', '5815', 149, 8],
  ['apple', 'Apple.com/bill', '5818', 170, 12],
  ['google-play', 'Google Play', '5818', 120, 10],
  ['uber-eats', 'Uber Eats', '5812', 380, 35],
  ['foodpanda', 'foodpanda', '5812', 340, 35],
  ['klook', 'Klook 客路', '4722', 2400, 4],
  ['kkday', 'KKday', '4722', 2100, 4],
  ['booking-com', 'Booking.com', '7011', 6800, 3],
];

const LISTED_IN_PERSON: Row[] = [
  ['far-eastern-sogo', '遠東SOGO', '5311', 3200, 12],
  ['shin-kong-mitsukoshi', '新光三越', '5311', 2800, 14],
  ['mcdonalds', '麥當勞', '5814', 180, 30],
  ['cosmed', '康是美', '5912', 420, 12],
  ['watsons', '屈臣氏', '5912', 450, 14],
  ['uber', 'Uber', '4121', 280, 15],
  ['thsr', '台灣高鐵', '4112', 1350, 8],
  ['yoxi', 'yoxi', '4121', 260, 4],
  ['irent', 'iRent', '7512', 600, 3],
  ['china-airlines', '中華航空', '4511', 14500, 2],
  ['eva-air', '長榮航空', '4511', 15800, 2],
  ['starlux', '星宇航空', '4511', 17000, 1],
  ['tigerair-taiwan', '台灣虎航', '4511', 6200, 2],
  ['carrefour', '家樂福', '5411', 1150, 35],
  ['lopia', 'LOPIA', '5411', 1400, 5],
  ['pxmart', '全聯福利中心', '5411', 620, 45],
  ['seven-eleven', '7-ELEVEN', '5499', 95, 90],
  ['familymart', '全家便利商店', '5499', 90, 75],
  ['cpc-direct', '台灣中油直營站', '5541', 1100, 20],
  ['ikea', 'IKEA 宜家家居', '5712', 2600, 6],
];

// Earn on a plan by MCC only (dining 5811–5814 domestic, parking 7523, EV charging 5552, travel agencies 4722).
const BY_MCC: Row[] = [
  ['din-tai-fung', '鼎泰豐', '5812', 1100, 8],
  ['wowprime', '王品集團', '5812', 1800, 6],
  ['local-restaurant', '巷口小吃', '5812', 240, 40],
  ['starbucks-tw', '星巴克', '5814', 160, 25],
  ['louisa', '路易莎咖啡', '5814', 110, 18],
  ['times-parking', '台灣聯通停車場', '7523', 120, 10],
  ['u-power', 'U-POWER 超高速充電', '5552', 380, 3],
  ['lion-travel', '雄獅旅遊', '4722', 12000, 2],
];

// Everyday spending on no plan: earns the general 0.3% only.
const UNLISTED: Row[] = [
  ['simple-mart', '美廉社', '5411', 320, 12],
  ['big-pxmart', '大全聯', '5411', 1300, 4],
  ['formosa-petro', '台塑石化加油站', '5541', 1050, 12],
  ['uniqlo-tw', 'UNIQLO', '5651', 1290, 10],
  ['tkec', '燦坤3C', '5732', 3900, 5],
  ['eslite', '誠品書店', '5942', 560, 8],
  ['ntuh', '臺大醫院', '8062', 850, 4],
  ['taipower', '台灣電力公司', '4900', 1800, 8],
  ['cht', '中華電信', '4814', 799, 10],
  ['cathay-life', '國泰人壽', '6300', 5200, 4],
  ['toys-r-us-tw', '玩具反斗城', '5945', 980, 3],
  ['vieshow', '威秀影城', '7832', 640, 6],
  ['hair-salon', '曼都髮型', '7230', 900, 5],
  ['sogo-counter', '遠東SOGO 專櫃', '5691', 2500, 4],
];

const JAPAN: Row[] = [
  ['don-quijote', 'ドン・キホーテ', '5311', 6800, 8],
  ['lawson-jp', 'ローソン', '5499', 900, 10],
  ['ichiran', '一蘭', '5812', 1400, 6],
  ['tokyo-disney-resort', '東京ディズニーリゾート', '7996', 18000, 2],
  ['universal-studios-japan', 'ユニバーサル・スタジオ・ジャパン', '7996', 17500, 1],
  ['jr-east', 'JR東日本', '4112', 4200, 4],
];

/** Every merchant the generator draws from, with how often it is visited. */
export const MERCHANTS: readonly Merchant[] = [
  ...domestic(LISTED_ONLINE, 'online'),
  ...domestic(LISTED_IN_PERSON, 'in_person'),
  ...domestic(BY_MCC, 'in_person'),
  ...domestic(UNLISTED, 'in_person'),
  ...overseas('JP', 'JPY', JAPAN, 'in_person'),
  ...overseas('KR', 'KRW', [['olive-young-kr', '올리브영', '5977', 45000, 4]], 'in_person'),
  ...overseas('TH', 'THB', [['central-bkk', 'Central World', '5311', 2200, 2]], 'in_person'),
  ...overseas('HK', 'HKD', [['mtr-hk', 'MTR', '4111', 60, 2]], 'in_person'),
  ...overseas('US', 'USD', [['chatgpt', 'OpenAI ChatGPT', '5734', 20, 6]], 'online'),
  ...overseas('US', 'USD', [['amazon-us', 'Amazon.com', '5942', 45, 4]], 'online'),
  ...overseas('SG', 'SGD', [['grab', 'Grab', '4121', 18, 2]], 'in_person'),
  ...overseas('FR', 'EUR', [['galeries-lafayette', 'Galeries Lafayette', '5311', 240, 1]], 'in_person'),
  // TWD at an overseas merchant is foreign too (§1.7): hotel sites billing Taiwanese cards in TWD.
  ...overseas('SG', 'TWD', [['agoda', 'Agoda', '7011', 4200, 4]], 'online'),
  ...overseas('HK', 'TWD', [['trip-com', 'Trip.com', '4722', 5200, 3]], 'online'),
];
