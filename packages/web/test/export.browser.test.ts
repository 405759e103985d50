/**
 * The account export from the settings page: the browser downloads the zip with the session
 * cookie alone, under the server's file name, and it opens as a valid archive of the account.
 */
import fs from 'node:fs';
import { readZip } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/catalogs.ts';
import { DESKTOP } from './support/browser.ts';
import { browserForFile, logIn } from './support/pages.ts';
import { seedAccount } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

let plaza: RunningPlaza;
const pages = browserForFile();

beforeAll(async () => {
  plaza = await startPlaza();
}, 240_000);

afterAll(async () => {
  await plaza?.close();
});

describe('export from the settings page', () => {
  it('downloads the account’s zip with the session cookie', { timeout: 60_000 }, async () => {
    await seedAccount(plaza.baseUrl, 'web_exporter', 'en', 'Web Exporter');
    const page = await pages().open({ ...DESKTOP, locale: 'en', acceptDownloads: true });
    await logIn(page, plaza.baseUrl, 'web_exporter');
    await page.goto(`${plaza.baseUrl}/settings`);
    // The hint names what the zip holds (the page renders after the session check).
    await page.getByText(en.settings.exportHint).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: en.settings.export }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('plaza-export-web_exporter.zip');
    const entries = await readZip(fs.readFileSync(await download.path()));
    const account = JSON.parse(entries.get('account.json')!.toString('utf8'));
    expect(account).toMatchObject({ format: 'plaza-export/2', account: { handle: 'web_exporter' } });
    expect(JSON.parse(entries.get('profile/profile.json')!.toString('utf8'))).toMatchObject({
      displayName: 'Web Exporter',
    });
  });
});
