/**
 * The places the demo cardholders spend at. Ids on a plan's channel list match the program's
 * (packages/rewards/src/program/cube-channels.ts); the others earn through MCC rules
 * (domestic dining 5811–5814, overseas in person) or only the general 0.3%.
 */
export interface DemoMerchant {
  readonly id: string;
  readonly name: string;
  readonly mcc: string;
  readonly country: string;
  readonly presence: 'in_person' | 'online';
  readonly currency: string;
  /** Typical ticket in the currency's major unit. */
  readonly typical: number;
  /** Hours of the day (Taipei for domestic, local for overseas) when people pay there. */
  readonly hours: readonly [number, number];
}

const m = (
  id: string,
  name: string,
  mcc: string,
  typical: number,
  hours: readonly [number, number],
  presence: DemoMerchant['presence'] = 'in_person',
  country = 'TW',
  currency = 'TWD',
): DemoMerchant => ({ id, name, mcc, country, presence, currency, typical, hours });

export const DEMO_MERCHANTS = {
  // Dining and shopping (樂饗購).
  sogo: m('far-eastern-sogo', '遠東SOGO 忠孝館', '5311', 2800, [13, 21]),
  mitsukoshi: m('shin-kong-mitsukoshi', '新光三越 信義新天地', '5311', 3200, [13, 21]),
  uberEats: m('uber-eats', 'Uber Eats', '5812', 360, [11, 21], 'online'),
  foodpanda: m('foodpanda', 'foodpanda', '5812', 320, [11, 21], 'online'),
  mcdonalds: m('mcdonalds', '麥當勞 南京店', '5814', 190, [7, 22]),
  watsons: m('watsons', '屈臣氏', '5912', 450, [12, 21]),
  dinTaiFung: m('din-tai-fung', '鼎泰豐 信義店', '5812', 1600, [11, 20]),
  noodles: m('lin-dong-fang', '林東芳牛肉麵', '5812', 260, [11, 20]),
  louisa: m('louisa', '路易莎咖啡', '5814', 120, [8, 18]),
  // Travel (趣旅行) and its overseas in-person rule.
  thsr: m('thsr', '台灣高鐵', '4112', 1490, [7, 20]),
  uber: m('uber', 'Uber', '4121', 280, [8, 23]),
  klook: m('klook', 'Klook 客路', '4722', 2600, [9, 23], 'online'),
  agoda: m('agoda', 'Agoda', '7011', 4800, [9, 23], 'online', 'SG'),
  chinaAirlines: m('china-airlines', '中華航空', '4511', 16800, [9, 22], 'online'),
  ichiran: m('ichiran', '一蘭 新宿中央東口店', '5812', 1400, [11, 23], 'in_person', 'JP', 'JPY'),
  donki: m('don-quijote', 'ドン・キホーテ 新宿東南口店', '5311', 8600, [10, 23], 'in_person', 'JP', 'JPY'),
  lawson: m('lawson-jp', 'ローソン 新宿三丁目', '5499', 900, [7, 23], 'in_person', 'JP', 'JPY'),
  jrEast: m('jr-east', 'JR東日本', '4112', 3800, [8, 20], 'in_person', 'JP', 'JPY'),
  disney: m(
    'tokyo-disney-resort',
    '東京ディズニーリゾート',
    '7996',
    19800,
    [9, 12],
    'in_person',
    'JP',
    'JPY',
  ),
  // Everyday (集精選).
  pxmart: m('pxmart', '全聯福利中心', '5411', 650, [9, 21]),
  carrefour: m('carrefour', '家樂福 桂林店', '5411', 1300, [10, 21]),
  sevenEleven: m('seven-eleven', '7-ELEVEN', '5499', 95, [7, 23]),
  familymart: m('familymart', '全家便利商店', '5499', 90, [7, 23]),
  ikea: m('ikea', 'IKEA 新店店', '5712', 2400, [11, 20]),
  cpc: m('cpc-direct', '台灣中油 直營站', '5541', 1100, [8, 20]),
  // Digital (玩數位).
  chatgpt: m('chatgpt', 'OpenAI ChatGPT', '5734', 20, [9, 23], 'online', 'US', 'USD'),
  spotify: m('spotify', 'Spotify', '5815', 149, [0, 1], 'online'),
  netflix: m('netflix', 'Netflix', '4899', 390, [0, 1], 'online'),
  shopee: m('shopee', '蝦皮購物', '5399', 680, [20, 24], 'online'),
  momo: m('momo', 'momo購物網', '5399', 1200, [20, 24], 'online'),
  amazon: m('amazon-us', 'Amazon.com', '5942', 38, [21, 24], 'online', 'US', 'USD'),
  // On no plan: the general rate only.
  eslite: m('eslite', '誠品書店 信義店', '5942', 620, [12, 22]),
  decathlon: m('decathlon-tw', '迪卡儂 內湖店', '5941', 1400, [11, 21]),
  toys: m('toys-r-us-tw', '玩具反斗城', '5945', 1100, [11, 21]),
  taipower: m('taipower', '台灣電力公司', '4900', 1900, [9, 10], 'online'),
  cht: m('cht', '中華電信', '4814', 799, [9, 10], 'online'),
} satisfies Record<string, DemoMerchant>;

/** TWD per major unit for the demo's foreign spending (2026 levels; the network sends the converted amount). */
export const DEMO_TWD_RATE: Readonly<Record<string, number>> = { TWD: 1, JPY: 0.212, USD: 32.4 };
/** ISO 4217 exponents of those currencies. */
export const DEMO_EXPONENT: Readonly<Record<string, number>> = { TWD: 2, JPY: 0, USD: 2 };
