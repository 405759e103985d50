import type { Catalog } from './en.ts';

/** 第 11 号议题新增的页面字符串（简体中文）。 */
export const pagesZhCN: Catalog['pages'] = {
  upload: {
    tooLarge: '这张照片太大，无法上传。请选一张小一点的。',
    unsupported: '这个文件不是 Plaza 能读取的照片（请用 JPEG、PNG、WebP 或 GIF）。',
    tooManyPixels: '这张照片的像素太多。请选一张小一点的。',
    busy: 'Plaza 正忙着处理照片，请稍后再试这一张。',
    rateLimited: '你在短时间内上传了很多照片，请稍等一会儿再试。',
    network: '照片没有发送出去，请检查网络连接后再试。',
    failed: '这张照片上传失败，请再试一次。',
    retry: '重试',
    remove: '移除',
    failedPhoto: '第 {{n}} 张照片：{{reason}}',
    fixFailed: '有照片上传失败：请重试或移除。',
  },
  switch: {
    nextChange: '下次可于 {{when}} 起变更方案。',
  },
  note: {
    logInToComment: '登录后评论',
  },
  comments: {
    order: '评论排序',
    newest: '最新',
    mostLiked: '最多赞',
    like: '点赞评论',
    unlike: '取消点赞评论',
  },
  notifications: {
    groups: '消息分类',
    all: '全部',
    likes: '赞和收藏',
    follows: '新增关注',
    comments: '评论和 @',
  },
  profile: {
    likesAndCollects: '获赞与收藏',
  },
};
