import { bidiSafe } from '../text/bidi.ts';

/**
 * Markup that is safe to put into a page as it is: only `html` makes one, and it escapes every
 * value it is given that is not itself SafeHtml. A server-rendered fragment is typed SafeHtml,
 * so user text cannot reach a page without passing through the escaping.
 */
// Not exported: only this file can make SafeHtml, so only `html` turns a string into markup.
const TRUSTED = Symbol('trusted');

export class SafeHtml {
  readonly #text: string;
  constructor(token: typeof TRUSTED, text: string) {
    if (token !== TRUSTED) throw new TypeError('SafeHtml is made by html`…` only');
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text as HTML that shows exactly that text, in an element or a quoted attribute alike.
 * Embeddings, overrides and isolates are taken out (kernel `bidiSafe`, as for prose): one-line
 * fields refuse them on the way in, and nothing written before that rule may reorder a page.
 * @example escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return bidiSafe(text, 'prose').text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export type HtmlValue = SafeHtml | string | number | readonly SafeHtml[] | null | undefined | false;

function valueHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map((item: HtmlValue) => valueHtml(item)).join('');
  return escapeHtml(String(value));
}

/**
 * A tagged template for markup: the literal parts are trusted, every value is escaped unless it
 * is SafeHtml already (an array of SafeHtml is joined; null, undefined and false print nothing).
 * @example html`<h3>${title}</h3>` // title "<script>" → <h3>&lt;script&gt;</h3>
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += valueHtml(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(TRUSTED, out);
}
