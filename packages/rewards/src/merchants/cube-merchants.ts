import type { MerchantEntry } from './service.ts';

/**
 * The names of every merchant the default CUBE program's channels name
 * (`program/cube-channels.ts`), as the bank writes them in zh-TW and their own English names
 * (the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12) §1.4, §1.8). `mcc` is the ISO 18245 category of the
 * merchant's main business where that code is the usual one (department stores 5311, fast food
 * 5814, drugstores 5912, supermarkets 5411, convenience stores 5499, service stations 5541,
 * furniture 5712, railways 4112, taxis and ride-hailing 4121, car rental 7512, amusement parks
 * 7996, streaming 4899); null where acquirers send different codes (airlines use per-carrier
 * codes, online platforms vary).
 */
const m = (id: string, zhTW: string, en: string, mcc: number | null = null): MerchantEntry => ({
  id,
  names: { 'zh-TW': zhTW, en },
  mcc,
});

/** 玩數位: AI and design tools, streaming and app stores, online shops. */
const DIGITAL: MerchantEntry[] = [
  m('chatgpt', 'ChatGPT', 'ChatGPT'),
  m('claude', 'Claude', 'Claude'),
  m('canva', 'Canva', 'Canva'),
  m('netflix', 'Netflix', 'Netflix', 4899),
  m('disney-plus', 'Disney+', 'Disney+'),
  m('spotify', 'Spotify', 'Spotify'),
  m('apple', 'Apple', 'Apple'),
  m('google-play', 'Google Play', 'Google Play'),
  m('shopee', '蝦皮購物', 'Shopee'),
  m('momo', 'momo購物網', 'momo shop'),
  m('pchome', 'PChome 24h購物', 'PChome 24h Shopping'),
  m('treebuy', '小樹購', 'Treebuy'),
  m('coupang', '酷澎', 'Coupang'),
  m('taobao', '淘寶', 'Taobao'),
];

/** 樂饗購: department stores, food delivery, dining, drugstores. */
const DINING: MerchantEntry[] = [
  m('far-eastern-sogo', '遠東SOGO', 'Far Eastern SOGO', 5311),
  m('shin-kong-mitsukoshi', '新光三越', 'Shin Kong Mitsukoshi', 5311),
  m('uber-eats', 'Uber Eats', 'Uber Eats'),
  m('foodpanda', 'foodpanda', 'foodpanda'),
  m('mcdonalds', '麥當勞', "McDonald's", 5814),
  m('cosmed', '康是美', 'COSMED', 5912),
  m('watsons', '屈臣氏', 'Watsons', 5912),
];

/** 趣旅行: theme parks, transport, airlines, booking sites. */
const TRAVEL: MerchantEntry[] = [
  m('tokyo-disney-resort', '東京迪士尼度假區', 'Tokyo Disney Resort', 7996),
  m('universal-studios-japan', '日本環球影城', 'Universal Studios Japan', 7996),
  m('uber', 'Uber', 'Uber', 4121),
  m('grab', 'Grab', 'Grab', 4121),
  m('thsr', '台灣高鐵', 'Taiwan High Speed Rail', 4112),
  m('yoxi', 'yoxi', 'yoxi', 4121),
  m('irent', 'iRent', 'iRent', 7512),
  m('china-airlines', '中華航空', 'China Airlines'),
  m('eva-air', '長榮航空', 'EVA Air'),
  m('starlux', '星宇航空', 'STARLUX Airlines'),
  m('tigerair-taiwan', '台灣虎航', 'Tigerair Taiwan'),
  m('klook', 'Klook', 'Klook'),
  m('kkday', 'KKday', 'KKday'),
  m('agoda', 'Agoda', 'Agoda'),
  m('booking-com', 'Booking.com', 'Booking.com'),
  m('airbnb', 'Airbnb', 'Airbnb'),
  m('trip-com', 'Trip.com', 'Trip.com'),
];

/** 集精選: supermarkets, convenience stores, fuel, IKEA. */
const EVERYDAY: MerchantEntry[] = [
  m('carrefour', '家樂福', 'Carrefour', 5411),
  m('lopia', 'LOPIA', 'LOPIA', 5411),
  m('pxmart', '全聯福利中心', 'PX Mart', 5411),
  m('seven-eleven', '7-ELEVEN', '7-Eleven', 5499),
  m('familymart', '全家便利商店', 'FamilyMart', 5499),
  m('cpc-direct', '台灣中油直營站', 'CPC direct-operated stations', 5541),
  m('ikea', 'IKEA', 'IKEA', 5712),
];

/** 慶生月 (2025 Q3) merchants not already above. */
const BIRTHDAY: MerchantEntry[] = [
  m('playstation', 'PlayStation', 'PlayStation'),
  m('nintendo', '任天堂', 'Nintendo'),
  m('cashbox-ktv', '錢櫃KTV', 'Cashbox KTV'),
  m('holiday-ktv', '好樂迪KTV', 'Holiday KTV'),
  m('funnow', 'FunNow', 'FunNow'),
];

export const CUBE_MERCHANTS: readonly MerchantEntry[] = [
  ...DIGITAL,
  ...DINING,
  ...TRAVEL,
  ...EVERYDAY,
  ...BIRTHDAY,
];
