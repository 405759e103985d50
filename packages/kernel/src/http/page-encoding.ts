import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type PageEncoding = 'br' | 'gzip';

/**
 * The encoding to send a page in, from Accept-Encoding: brotli, else gzip, else none. A coding
 * given `q=0` is refused, as RFC 9110 says.
 * @example pageEncodingOf('gzip, deflate, br') // 'br'
 */
export function pageEncodingOf(acceptEncoding: string | undefined): PageEncoding | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) =>
        part
          .trim()
          .toLowerCase()
          .split(/\s*;\s*/),
      )
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q))
      .map(([coding]) => coding),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * Compresses a page answer. `once` is for the page sent unchanged to every visitor (compressed
 * a single time, as hard as the codecs go); a page made per request takes quick settings
 * (brotli 5, gzip 6: well under a millisecond for a first screen, most of the size gain).
 */
export function encodePage(body: Buffer, encoding: PageEncoding, once: boolean): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: once ? 9 : 6 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: once ? 11 : 5,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
}
