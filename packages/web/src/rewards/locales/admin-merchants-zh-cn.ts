import type { adminMerchantsEn } from './admin-merchants-en.ts';
import type { Widen } from './types.ts';

/** 后台商户名录（简体中文）。 */
export const adminMerchantsZhCN: Widen<typeof adminMerchantsEn> = {
  intro:
    '渠道以商户代码指定商户，持卡人看到的是以下名称。方案指定的商户代码若在此没有名称，持卡人会直接看到代码。',
  unnamedTitle: '方案已指定、尚无名称',
  unnamedNone: '方案指定的商户都已有名称。',
  noName: '尚无名称',
  addName: '添加名称',
  newTitle: '添加商户',
  renameTitle: '修改 {{id}} 的名称',
  newMerchant: '改为添加其他商户',
  id: '商户代码',
  idHint: '与卡组织发送的相同：英文字母、数字或 . _ : -（创建后不可修改）',
  mcc: '常见商户类别码',
  mccHint: '选填：4 位数字，例如 5311',
  mccInvalid: '请填写最多 4 位数字，例如 5311',
  save: '保存',
  saved: '已保存：{{name}}（{{id}}）。',
  listTitle: '商户名录',
  empty: '名录中还没有商户。',
  rename: '修改名称',
  columns: { id: '代码', zhTW: '繁体中文', en: '英文', mcc: '类别码', change: '变更' },
  namesLabel: '这些商户的名称',
  previewName: '持卡人看到：{{name}}',
  previewUnnamed: '这个商户代码还没有名称。',
};
