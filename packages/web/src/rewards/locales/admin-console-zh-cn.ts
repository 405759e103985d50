import type { adminCardSearchEn, adminConsoleEn } from './admin-console-en.ts';
import type { Widen } from './types.ts';

/** 后台外框与卡片搜索（简体中文）。 */
export const adminConsoleZhCN: Widen<typeof adminConsoleEn> = {
  bank: 'Plaza 银行',
  product: '信用卡回馈管理后台',
  menu: '菜单',
  closeMenu: '关闭菜单',
  leave: '回到 Plaza',
};

export const adminCardSearchZhCN: Widen<typeof adminCardSearchEn> = {
  title: '搜索卡片',
  q: '持卡人、卡号末四位或卡片编号',
  qHint: '账号（可加 @）或名称开头、4 位数字、卡片编号或网络代码；留空列出所有卡片',
  plan: '当前方案',
  level: '当前等级',
  status: '状态',
  any: '全部',
  noPlan: '未选方案',
  levelN: '等级 {{level}}',
  statuses: { active: '已选方案', no_plan: '尚未选择方案' },
  search: '搜索',
  results: '搜索结果',
  none: '没有符合的卡片。',
  more: '显示更多',
  truncated: '名称以此开头的持卡人很多，只搜索了其中一部分，请输入更完整的名称。',
  endingIn: '•••• {{last4}}',
  backToList: '所有卡片',
};
