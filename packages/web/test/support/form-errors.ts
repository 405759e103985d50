import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { shoot } from './pages.ts';

// Words in Latin script: two letters or more (a lone "x" in "4 位數字" would be a symbol's job).
export const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The error lines a form shows once the server has answered; on a Chinese page none may be in
 * Latin script. The page is saved as the screenshot `<shot>-<locale>`.
 */
export async function readableFormErrors(locale: string, form: Locator, shot: string): Promise<string[]> {
  const errors = form.locator('.field-error, .form-error');
  await expect.poll(() => errors.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const messages = (await errors.allTextContents()).map((text) => text.trim()).filter(Boolean);
  if (locale !== 'en')
    expect(
      messages.filter((m) => LATIN_WORD.test(m)),
      `${shot} ${locale}`,
    ).toEqual([]);
  await shoot(form.page(), `${shot}-${locale}`);
  return messages;
}
