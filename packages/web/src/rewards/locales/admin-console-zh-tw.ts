import type { adminCardSearchEn, adminConsoleEn } from './admin-console-en.ts';
import type { Widen } from './types.ts';

/** 後台外框與卡片搜尋（繁體中文）。 */
export const adminConsoleZhTW: Widen<typeof adminConsoleEn> = {
  bank: 'Plaza 銀行',
  product: '信用卡回饋管理後台',
  menu: '選單',
  closeMenu: '關閉選單',
  leave: '回到 Plaza',
};

export const adminCardSearchZhTW: Widen<typeof adminCardSearchEn> = {
  title: '搜尋卡片',
  q: '持卡人、卡號末四碼或卡片編號',
  qHint: '帳號（可加 @）或名稱開頭、4 位數字、卡片編號或網路代碼；留空列出所有卡片',
  plan: '目前方案',
  level: '目前等級',
  status: '狀態',
  any: '全部',
  noPlan: '未選方案',
  levelN: '等級 {{level}}',
  statuses: { active: '已選方案', no_plan: '尚未選擇方案' },
  search: '搜尋',
  results: '搜尋結果',
  none: '沒有符合的卡片。',
  more: '顯示更多',
  truncated: '名稱以此開頭的持卡人很多，只搜尋了其中一部分，請輸入更完整的名稱。',
  endingIn: '•••• {{last4}}',
  backToList: '所有卡片',
};
