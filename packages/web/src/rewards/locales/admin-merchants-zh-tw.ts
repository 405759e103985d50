import type { adminMerchantsEn } from './admin-merchants-en.ts';
import type { Widen } from './types.ts';

/** 後台商店名錄（繁體中文）。 */
export const adminMerchantsZhTW: Widen<typeof adminMerchantsEn> = {
  intro:
    '通路以商店代碼指定商店，持卡人看到的是以下名稱。方案指定的商店代碼若在此沒有名稱，持卡人會直接看到代碼。',
  unnamedTitle: '方案已指定、尚無名稱',
  unnamedNone: '方案指定的商店都已有名稱。',
  noName: '尚無名稱',
  addName: '新增名稱',
  newTitle: '新增商店',
  renameTitle: '更改 {{id}} 的名稱',
  newMerchant: '改為新增其他商店',
  id: '商店代碼',
  idHint: '與卡組織傳送的相同：英文字母、數字或 . _ : -（建立後不可更改）',
  mcc: '常見商店類別碼',
  mccHint: '選填：4 位數字，例如 5311',
  mccInvalid: '請填寫最多 4 位數字，例如 5311',
  save: '儲存',
  saved: '已儲存：{{name}}（{{id}}）。',
  listTitle: '商店名錄',
  empty: '名錄中還沒有商店。',
  rename: '更改名稱',
  columns: { id: '代碼', zhTW: '繁體中文', en: '英文', mcc: '類別碼', change: '變更' },
  namesLabel: '這些商店的名稱',
  previewName: '持卡人看到：{{name}}',
  previewUnnamed: '這個商店代碼還沒有名稱。',
};
