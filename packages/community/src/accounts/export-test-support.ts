import type { PlazaApp } from '@plaza/kernel';
import { bearer, parseLines, readZip } from '@plaza/kernel/testing';

/** `GET /api/v1/me/export` as the account, its zip read back entry by entry. */
export async function downloadExport(app: PlazaApp, token: string) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: bearer(token) });
  const entries = res.statusCode === 200 ? await readZip(res.rawPayload) : new Map<string, Buffer>();
  return {
    res,
    entries,
    /** A JSON file's value (undefined when absent). */
    json: (path: string): unknown => {
      const bytes = entries.get(path);
      return bytes && JSON.parse(bytes.toString('utf8'));
    },
    /** A JSON Lines file's rows (none when absent). */
    // biome-ignore lint/suspicious/noExplicitAny: tests read rows of many shapes by field
    lines: (path: string): any[] => parseLines(entries.get(path)),
  };
}
