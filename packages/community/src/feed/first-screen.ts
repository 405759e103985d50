import { type FirstScreenRenderer, html, type SafeHtml } from '@plaza/kernel';
import type { NoteCard } from '../contracts.ts';
import type { CardWriter } from './card-json.ts';
import type { FeedService } from './service.ts';

/** The discover page the home screen starts with: the API's default page size. */
export const FIRST_SCREEN_CARDS = 20;
/** The cards whose covers load at once: those a phone shows before any scrolling (2 × 2). */
const EAGER_COVERS = 4;
/** The width covers are declared at; the height follows the card's ratio, so nothing jumps. */
const COVER_WIDTH = 300;
/** Title and author line under a cover, in column widths (≈ 80 px under a 180 px phone column). */
const TEXT_HEIGHT_IN_WIDTHS = 0.45;
/** The phone's two columns (web `hooks/use-columns.ts`): the layout the first screen is made for. */
const COLUMNS = 2;

/** The cover's height over width, clamped as the web app's card does (web `note-card.tsx`). */
export function coverRatio(cover: NoteCard['cover']): number {
  if (!cover || cover.width <= 0) return 1;
  return Math.min(4 / 3, Math.max(3 / 4, cover.height / cover.width));
}

/**
 * Deals cards to columns as the web app's masonry does (web `masonry-layout.ts`: each to the
 * shortest column so far, the leftmost on a tie), with heights estimated from the covers'
 * ratios, so the app's grid, when it takes over, puts the cards where they already stand.
 * @example dealColumns([tall, square, square], 2) // [[tall], [square, square]]
 */
export function dealColumns(cards: readonly NoteCard[], columns = COLUMNS): NoteCard[][] {
  const ends = new Array<number>(columns).fill(0);
  const dealt = ends.map((): NoteCard[] => []);
  for (const card of cards) {
    const column = ends.indexOf(Math.min(...ends));
    ends[column] = (ends[column] ?? 0) + coverRatio(card.cover) + TEXT_HEIGHT_IN_WIDTHS;
    dealt[column]?.push(card);
  }
  return dealt;
}

/** A count as the web app shows it (web `lib/format.ts`): compact from 1,000, in the reader's language. */
export function formatCount(value: number, language: string): string {
  if (value < 1000) return String(value);
  try {
    return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    // A malformed Accept-Language tag.
    return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}

const HEART_PATH =
  'M12 20.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.6a4.3 4.3 0 0 1 7.5 2.7c0 5.6-7.5 10.2-7.5 10.2z';

/** The web app's stable hue per name (web `components/avatar.tsx`), so a letter avatar keeps its colour. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/**
 * The author's picture, or the name's first character on the name's colour. Drawn as SVG: its
 * colour is an attribute, where the app's round letter needs a style attribute the CSP refuses.
 */
function avatarHtml(name: string, url: string | null): SafeHtml {
  if (url) return html`<img class="avatar" src="${url}" alt="" width="20" height="20" loading="lazy">`;
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return html`<svg class="avatar" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="10" fill="hsl(${hueOf(name)} 55% 62%)"/><text x="10" y="10" dy=".35em" text-anchor="middle" font-size="9" font-weight="700" fill="#fff">${initial}</text></svg>`;
}

/**
 * A cover as tall as the app draws it. Once loaded, an image takes its own ratio, not its
 * width and height attributes' (those only hold its place before): a cover cropped to the
 * clamp therefore says so by a class (the CSP allows no style attribute to say it).
 */
function coverHtml(card: NoteCard, eager: boolean): SafeHtml {
  const cover = card.cover;
  if (!cover) return html`<div class="note-card-cover first-cover-empty"></div>`;
  const ratio = coverRatio(cover);
  const crop = ratio === cover.height / cover.width ? null : ratio > 1 ? ' first-tall' : ' first-wide';
  const height = Math.round(COVER_WIDTH * ratio);
  return html`<div class="note-card-cover${crop}"><img src="${cover.url}" alt="" width="${COVER_WIDTH}" height="${height}"${eager ? null : html` loading="lazy"`}></div>`;
}

/**
 * One note card as the web app's `NoteCard` draws it (same classes, so the same style), but
 * plain links: it works before any script runs. The cover's alternative text is empty because
 * the title beside it in the same link names it.
 */
export function cardHtml(card: NoteCard, language: string, eager: boolean): SafeHtml {
  const name = card.author.displayName || card.author.handle;
  const liked = card.liked === true;
  return html`<article class="note-card"><a href="/notes/${encodeURIComponent(card.id)}" class="note-card-link">${coverHtml(card, eager)}<h3 class="note-card-title">${card.title}</h3></a><div class="note-card-meta"><a href="/u/${encodeURIComponent(card.author.handle)}" class="note-card-author">${avatarHtml(name, card.author.avatarUrl)}<span class="note-card-name">${name}</span></a><span class="note-card-likes${liked ? ' liked' : ''}"><svg width="15" height="15" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path fill="${liked ? 'currentColor' : 'none'}" d="${HEART_PATH}"/></svg><span>${formatCount(card.likeCount, language)}</span></span></div></article>`;
}

/** The first screen's grid: the cards in the phone's two columns (web `styles/first-screen.css`). */
export function firstScreenHtml(cards: readonly NoteCard[], language: string): SafeHtml {
  const eager = new Set(cards.slice(0, EAGER_COVERS));
  const columns = dealColumns(cards).map(
    (column) =>
      html`<div class="first-col">${column.map((card) => cardHtml(card, language, eager.has(card)))}</div>`,
  );
  return html`<div class="skeleton-grid first-grid">${columns}</div>`;
}

/** The reader's first language tag, for counts; the web app's language is its own choice. */
function languageOf(acceptLanguage: string | undefined): string {
  return acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() || 'en';
}

/**
 * The home page's first screen: the first page of the discover feed, read exactly as
 * `GET /api/v1/feed/discover` reads it for this viewer (same snapshot, same blocks), as cards in
 * the HTML and as the API's JSON, which the web app takes instead of asking again.
 */
export function discoverFirstScreen(feed: FeedService, cards: CardWriter): FirstScreenRenderer {
  return {
    replacesPreload: '/api/v1/feed/discover',
    async render(request) {
      const page = await feed.discover(request.viewer?.accountId ?? null, { limit: FIRST_SCREEN_CARDS });
      if (page.items.length === 0) return null;
      return {
        html: firstScreenHtml(page.items, languageOf(request.headers['accept-language'])),
        json: cards.page(page).toString('utf8'),
      };
    },
  };
}
