import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { SafeHtml } from './safe-html.ts';

/**
 * Where index.html lets a product put a first screen: between these comments (inside the
 * skeleton), whatever stands there is replaced. A page without them is served as it is.
 */
export const FIRST_SCREEN_OPEN = '<!--first-screen-->';
export const FIRST_SCREEN_CLOSE = '<!--/first-screen-->';
/** The id of the JSON block a first screen's data travels in (`<script type="application/json">`). */
export const FIRST_SCREEN_DATA_ID = 'first-screen-data';
/** How long a page answer waits for its first screen before it goes out with the plain skeleton. */
export const FIRST_SCREEN_BUDGET_MS = 100;

/** What a product renders into the page for one request. */
export interface FirstScreen {
  /** The markup for the slot, made with kernel `html` so every text in it is escaped. */
  html: SafeHtml;
  /** JSON the web app starts from instead of asking again (read by the app, never run). */
  json?: string;
}

export interface FirstScreenRenderer {
  /** The screen for this request, or null to serve the plain skeleton. */
  render(request: FastifyRequest): Promise<FirstScreen | null>;
  /** A URL index.html preloads that a rendered screen's `json` makes needless: its link is left out. */
  replacesPreload?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Lets a product render the first screen of the page at `pathname` (exactly; no query
     * matters) into index.html. Without a web app, or without the slot, it is never called.
     */
    firstScreen(pathname: string, renderer: FirstScreenRenderer): void;
  }
}

/** JSON as the text of a script element: no `<` can close it or open a comment. */
export function scriptJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/**
 * The renderer's screen, or null when it fails (logged) or has not answered within `budgetMs`;
 * a late answer is dropped.
 */
async function withinBudget(
  render: () => Promise<FirstScreen | null>,
  budgetMs: number,
  onError: (err: unknown) => void,
): Promise<FirstScreen | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, budgetMs, null);
  });
  const rendering = (async () => render())().catch((err: unknown) => {
    onError(err);
    return null;
  });
  try {
    return await Promise.race([rendering, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface SpaPage {
  /** index.html as built: the answer whenever no first screen is rendered. */
  plain: Buffer;
  /** The page for a request: with its path's first screen when one renders within the budget. */
  render(request: FastifyRequest, pathname: string): Promise<Buffer>;
  register(pathname: string, renderer: FirstScreenRenderer): void;
}

/**
 * The single-page app's index.html, served for every page, with a product's first screen put
 * into its slot when one is registered for the path. A renderer that throws or misses the
 * budget costs the visitor nothing but the cards: the plain page goes out.
 */
export function createSpaPage(indexHtml: Buffer, logger: FastifyBaseLogger, budgetMs: number): SpaPage {
  const text = indexHtml.toString('utf8');
  const open = text.indexOf(FIRST_SCREEN_OPEN);
  const close = text.indexOf(FIRST_SCREEN_CLOSE, open);
  const hasSlot = open >= 0 && close > open;
  // Per path: its renderer, and the page's head as sent with data (the preload it replaces left out).
  const renderers = new Map<string, { renderer: FirstScreenRenderer; headWithData: string }>();
  const head = hasSlot ? text.slice(0, open) : '';
  const tail = hasSlot ? text.slice(close + FIRST_SCREEN_CLOSE.length) : '';

  function withoutPreload(page: string, url: string | undefined): string {
    if (!url) return page;
    return page.replace(/[ \t]*<link\b[^>]*>\r?\n?/g, (link) =>
      /\brel="preload"/.test(link) && link.includes(`href="${url}"`) ? '' : link,
    );
  }

  function compose(headWithData: string, screen: FirstScreen): Buffer {
    if (screen.json === undefined)
      return Buffer.from(`${head}${FIRST_SCREEN_OPEN}${screen.html}${FIRST_SCREEN_CLOSE}${tail}`);
    const data = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${scriptJson(screen.json)}</script>`;
    return Buffer.from(
      `${headWithData}${FIRST_SCREEN_OPEN}${screen.html}${data}${FIRST_SCREEN_CLOSE}${tail}`,
    );
  }

  const screenOf = (request: FastifyRequest, renderer: FirstScreenRenderer) =>
    withinBudget(
      () => renderer.render(request),
      budgetMs,
      (err) => logger.warn({ err, url: request.url }, 'first screen failed; serving the plain page'),
    );

  return {
    plain: indexHtml,
    register(pathname, renderer) {
      if (!hasSlot) return;
      renderers.set(pathname, { renderer, headWithData: withoutPreload(head, renderer.replacesPreload) });
    },
    async render(request, pathname) {
      const entry = renderers.get(pathname);
      if (!entry) return indexHtml;
      const screen = await screenOf(request, entry.renderer);
      return screen ? compose(entry.headWithData, screen) : indexHtml;
    },
  };
}
