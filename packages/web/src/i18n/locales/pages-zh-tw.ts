import type { Catalog } from './en.ts';

/** 第 11 號議題新增的頁面字串（繁體中文）。 */
export const pagesZhTW: Catalog['pages'] = {
  upload: {
    tooLarge: '這張照片太大，無法上傳。請選一張較小的。',
    unsupported: '這個檔案不是 Plaza 能讀取的照片（請用 JPEG、PNG、WebP 或 GIF）。',
    tooManyPixels: '這張照片的像素太多。請選一張較小的。',
    busy: 'Plaza 正忙著處理照片，請稍後再試這一張。',
    rateLimited: '你在短時間內上傳了很多照片，請稍等一會兒再試。',
    network: '照片沒有送出，請檢查網路連線後再試。',
    failed: '這張照片上傳失敗，請再試一次。',
    retry: '重試',
    remove: '移除',
    failedPhoto: '第 {{n}} 張照片：{{reason}}',
    fixFailed: '有照片上傳失敗：請重試或移除。',
  },
  switch: {
    nextChange: '下次可於 {{when}} 起變更方案。',
  },
  note: {
    logInToComment: '登入後留言',
  },
  comments: {
    order: '留言排序',
    newest: '最新',
    mostLiked: '最多讚',
    like: '按讚留言',
    unlike: '收回留言的讚',
  },
  notifications: {
    groups: '訊息分類',
    all: '全部',
    likes: '讚和收藏',
    follows: '新增關注',
    comments: '留言和 @',
  },
  profile: {
    likesAndCollects: '獲讚與收藏',
  },
};
