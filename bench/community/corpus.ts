import { toSimplified } from '../../packages/community/src/notes/chinese.ts';
import type { Random } from './random.ts';

/**
 * Synthetic lifestyle notes in Traditional Chinese, Simplified Chinese and English, with a
 * few English brand names inside Chinese text. Words repeat with very different
 * frequencies (a Zipf-like pick), so some search terms match tens of thousands of notes and
 * others a handful: the index and the result ordering both get real work.
 */

export type Script = 'zh-Hant' | 'zh-Hans' | 'en';

interface Words {
  place: string[];
  food: string[];
  thing: string[];
  adj: string[];
  templates: string[];
  titles: string[];
  topics: string[];
}

const HANT: Words = {
  place: [
    '台北',
    '台南',
    '台中',
    '高雄',
    '花蓮',
    '宜蘭',
    '淡水',
    '九份',
    '墾丁',
    '陽明山',
    '京都',
    '東京',
    '首爾',
    '大阪',
    '清邁',
    '香港',
  ],
  food: [
    '牛肉麵',
    '小籠包',
    '珍珠奶茶',
    '滷肉飯',
    '手沖咖啡',
    '拿鐵',
    '抹茶',
    '可頌',
    '鹽酥雞',
    '芒果冰',
    '豆花',
    '火鍋',
    '拉麵',
    '壽司',
    '燒肉',
    '鳳梨酥',
    '肉圓',
    '提拉米蘇',
  ],
  thing: [
    '防曬乳',
    '口紅',
    '面膜',
    '相機',
    '耳機',
    '帳篷',
    '瑜伽墊',
    '香水',
    '球鞋',
    '洋裝',
    '檯燈',
    '多肉植物',
    '咖啡豆',
    '筆記本',
    '行李箱',
    'iPhone手機殼',
    'Uniqlo外套',
    'Muji收納盒',
    'Dyson吹風機',
  ],
  adj: [
    '超好吃',
    '很推薦',
    '氣氛很好',
    '意外地好',
    '拍照很美',
    '必買',
    '很平價',
    '有點貴但值得',
    '很療癒',
    '很舒服',
    '排隊也值得',
  ],
  templates: [
    '今天去了{place}，{food}真的{adj}！',
    '{place}這家{food}{adj}，下次還要再來。',
    '分享最近愛用的{thing}，{adj}。',
    '週末和朋友在{place}露營，晚上吃{food}。',
    '第一次自己在家做{food}，比想像中簡單。',
    '{thing}開箱：質感{adj}，顏色也很好看。',
    '在{place}逛了一整天，買了{thing}，還吃了{food}。',
    '早上一杯{food}，配上新買的{thing}，心情很好。',
    '{place}的秋天好美，{adj}，推薦大家去走走。',
    '收藏起來！{place}必吃清單：{food}、{food}和{food}。',
    '最近的穿搭重點是{thing}，搭配起來{adj}。',
    '健身完獎勵自己一份{food}，{adj}。',
  ],
  titles: [
    '{place}{food}推薦',
    '{thing}開箱',
    '{place}一日遊',
    '週末吃{food}',
    '{place}必吃{food}',
    '我的{thing}心得',
    '{place}咖啡廳',
  ],
  topics: [
    '台灣美食',
    '咖啡',
    '旅行',
    '穿搭',
    '護膚',
    '健身',
    '露營',
    '烘焙',
    '攝影',
    '寵物',
    '居家佈置',
    '讀書',
    '日本旅遊',
    '台北',
    '甜點',
    '手作',
  ],
};

const EN: Words = {
  place: [
    'Taipei',
    'Tainan',
    'Kyoto',
    'Tokyo',
    'Seoul',
    'Lisbon',
    'Brooklyn',
    'Melbourne',
    'Chiang Mai',
    'Hualien',
    'Vancouver',
    'Berlin',
  ],
  food: [
    'beef noodle soup',
    'bubble tea',
    'matcha latte',
    'sourdough',
    'croissant',
    'ramen',
    'dumplings',
    'tiramisu',
    'pour-over coffee',
    'mango shaved ice',
    'hotpot',
    'sushi',
    'pineapple cake',
    'cold brew',
  ],
  thing: [
    'tent',
    'sunscreen',
    'camera',
    'sneakers',
    'yoga mat',
    'lipstick',
    'backpack',
    'houseplant',
    'notebook',
    'headphones',
    'desk lamp',
    'linen dress',
  ],
  adj: [
    'amazing',
    'so cozy',
    'worth the queue',
    'surprisingly cheap',
    'a little pricey but worth it',
    'perfect for photos',
    'really relaxing',
    'my new favorite',
  ],
  templates: [
    'Spent the afternoon in {place} and the {food} was {adj}.',
    'Honest review of my new {thing}: {adj}.',
    'Weekend hiking near {place}, then {food} for dinner.',
    'Tried making {food} at home for the first time and it came out {adj}.',
    'Packing list for {place}: {thing}, {thing} and plenty of snacks.',
    'Morning routine: {food}, journaling, and a walk around {place}.',
    'Found a tiny cafe in {place}; their {food} is {adj}.',
    'Camping trip recap: the {thing} held up and the view was {adj}.',
    'Three things I loved this week: {food}, my {thing}, and {place} at sunset.',
    'Skincare update: switched to a new {thing}, results are {adj}.',
  ],
  titles: [
    '{food} in {place}',
    '{thing} review',
    'A day in {place}',
    'Weekend {food}',
    'Best {food} spots',
    'My {thing} setup',
  ],
  topics: [
    'coffee',
    'travel',
    'ootd',
    'skincare',
    'hiking',
    'baking',
    'photography',
    'foodie',
    'catsofplaza',
    'homedecor',
    'booklover',
    'fitness',
  ],
};

// Simplified Chinese is the same vocabulary converted once, as a mainland writer would type it.
const HANS: Words = {
  place: HANT.place.map(toSimplified),
  food: HANT.food.map(toSimplified),
  thing: HANT.thing.map(toSimplified),
  adj: HANT.adj.map(toSimplified),
  templates: HANT.templates.map(toSimplified),
  titles: HANT.titles.map(toSimplified),
  topics: HANT.topics.map(toSimplified),
};

const BY_SCRIPT: Record<Script, Words> = { 'zh-Hant': HANT, 'zh-Hans': HANS, en: EN };

/** Search queries as readers type them: one or two words, either script, English by stem or prefix. */
export const SEARCH_QUERIES: readonly string[] = [
  '咖啡',
  '台北 美食',
  '牛肉麵',
  '露營',
  '手沖',
  '抹茶 拿鐵',
  '開箱',
  '台南',
  '珍珠奶茶',
  '咖啡厅 推荐',
  '露营',
  '防晒',
  'coffee',
  'ramen',
  'hiking',
  'sourdough',
  'matcha latte',
  'camp',
  'kyoto travel',
  'skincare',
  'tent review',
  'croiss',
  'Taipei',
  'cozy cafe',
];

const SLOT_RE = /\{(place|food|thing|adj)\}/g;

function fill(template: string, words: Words, random: Random): string {
  // Zipf-like word choice (skew 2): the first words of each list are the common ones.
  return template.replace(SLOT_RE, (_, slot: 'place' | 'food' | 'thing' | 'adj') => {
    const list = words[slot];
    return list[random.skewed(list.length, 2)]!;
  });
}

export interface NoteText {
  title: string;
  body: string;
  /** Explicit topic list as the author would send it. */
  topics: string[];
}

/** One note: a title, 2–6 sentences, 1–3 explicit topics and sometimes a #tag in the body. */
export function noteText(script: Script, random: Random): NoteText {
  const words = BY_SCRIPT[script];
  const title = fill(random.pick(words.titles), words, random);
  const sentences: string[] = [];
  const count = random.between(2, 6);
  for (let i = 0; i < count; i += 1) sentences.push(fill(random.pick(words.templates), words, random));
  const separator = script === 'en' ? ' ' : '';
  let body = sentences.join(random.chance(0.3) ? '\n' : separator);
  const topics = new Set<string>();
  const wanted = random.between(1, 3);
  while (topics.size < wanted) topics.add(words.topics[random.skewed(words.topics.length, 2)]!);
  if (random.chance(0.3)) body += ` #${words.topics[random.int(words.topics.length)]}`;
  return {
    title: title.length > 0 && script === 'en' ? capitalize(title) : title,
    body,
    topics: [...topics],
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const SURNAMES = ['林', '陳', '王', '張', '李', '黃', '吳', '劉', '蔡', '楊', '許', '鄭'];
const GIVEN = [
  '小美',
  '大文',
  '怡君',
  '家豪',
  '雅婷',
  '志明',
  '佳穎',
  '冠宇',
  '宜蓁',
  '柏翰',
  '詩涵',
  '子軒',
];
const PINYIN = ['mei', 'wen', 'yijun', 'jiahao', 'yating', 'zhiming', 'jiaying', 'guanyu', 'yizhen', 'bohan'];
const FIRST_EN = ['alex', 'sam', 'jamie', 'taylor', 'jordan', 'casey', 'morgan', 'riley', 'chris', 'emma'];
const LAST_EN = ['chen', 'lin', 'wang', 'smith', 'lee', 'garcia', 'kim', 'nguyen', 'brown', 'wu'];

export interface Persona {
  handle: string;
  displayName: string;
  bio: string;
}

/** A handle (unique through `index`), a display name and a short bio in the account's script. */
export function persona(script: Script, index: number, random: Random): Persona {
  if (script === 'en') {
    const first = random.pick(FIRST_EN);
    const last = random.pick(LAST_EN);
    return {
      handle: `${first}_${last}${index}`.slice(0, 30),
      displayName: `${capitalize(first)} ${capitalize(last)}`,
      bio: `${capitalize(random.pick(EN.food))} lover. ${capitalize(random.pick(EN.topics))} and ${random.pick(EN.topics)}.`,
    };
  }
  const name = random.pick(SURNAMES) + random.pick(GIVEN);
  const words = BY_SCRIPT[script];
  const displayName = script === 'zh-Hans' ? toSimplified(name) : name;
  return {
    handle: `${random.pick(PINYIN)}_${random.pick(LAST_EN)}${index}`.slice(0, 30),
    displayName,
    bio: `喜歡${random.pick(words.food)}和${random.pick(words.topics)}。`,
  };
}
