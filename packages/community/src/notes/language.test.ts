import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['今天天氣很好，我們去台北吃牛肉麵，湯頭非常濃郁。', 'zh-Hant'],
    ['週末在台灣環島旅行，推薦這家民宿', 'zh-Hant'],
    ['今天天气很好，我们去北京吃烤鸭，皮很脆。', 'zh-Hans'],
    ['后来我们一起去了台湾，吃了很多小吃', 'zh-Hans'],
    ['今天去Costco買東西，人超多', 'zh-Hant'],
    ['The best beef noodle soup I have had in years, hands down.', 'en'],
    ['Just joined from TikTok, hello everyone! 你好', 'en'],
    ['今日はとても良い天気ですね。散歩に行きましょう。', 'other'],
    ['오늘 날씨가 정말 좋네요', 'other'],
    ['Сегодня отличная погода для прогулки', 'other'],
    ['🍜🍜🍜 !!!', 'other'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('ignores @handles and links, which are Latin in every language', () => {
    expect(detectLanguage('謝謝 @tiktok_refugee_2025 推薦 https://example.com/very/long/path')).toBe(
      'zh-Hant',
    );
  });

  it('takes the writer’s language when only shared characters are written', () => {
    expect(detectLanguage('你好', 'zh-Hant')).toBe('zh-Hant');
    expect(detectLanguage('你好', 'zh-Hans')).toBe('zh-Hans');
  });
});
