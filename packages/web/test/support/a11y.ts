import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 level A and AA rules: what issue 11 asks every page to pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One failed axe rule on one page, short enough to read in a test's diff. */
export interface Violation {
  page: string;
  rule: string;
  help: string;
  /** The first few offending elements, as CSS selectors. */
  targets: string[];
  /** What axe found wrong with the first of them, e.g. the two colours and their contrast. */
  why: string;
}

/**
 * Runs axe-core's WCAG 2 A/AA rules on the page as it is now. Legacy mode runs axe.run in the
 * page itself; the default opens a blank page per call to merge frames' results, and Plaza has
 * no frames to merge.
 */
export async function axeViolations(page: Page, name: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  return results.violations.map((v) => ({
    page: name,
    rule: v.id,
    help: v.help,
    targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
    why: v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? '',
  }));
}

/** A landmark on the page: its role and its accessible name (aria-label or aria-labelledby). */
export interface Landmark {
  role: string;
  name: string;
}

/**
 * The page's landmarks that a screen reader lists: header (banner), nav, main, aside
 * (complementary), footer (contentinfo), and labelled sections and forms. Elements hidden from
 * everyone (display:none, visibility:hidden, aria-hidden) are left out.
 */
export function landmarks(page: Page): Promise<Landmark[]> {
  return page.evaluate(() => {
    const implicit: Record<string, string> = {
      HEADER: 'banner',
      NAV: 'navigation',
      MAIN: 'main',
      ASIDE: 'complementary',
      FOOTER: 'contentinfo',
      SECTION: 'region',
      FORM: 'form',
    };
    const named = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by)
        return by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' ')
          .trim();
      return el.getAttribute('aria-label')?.trim() ?? '';
    };
    const shown = (el: Element): boolean => {
      if (el.closest('[aria-hidden=true]')) return false;
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    // A header or footer inside an article, aside, main, nav or section is not a landmark.
    const scoped = (el: Element): boolean =>
      (el.tagName === 'HEADER' || el.tagName === 'FOOTER') &&
      el.parentElement?.closest('article, aside, main, nav, section') !== null;
    const found: { role: string; name: string }[] = [];
    for (const el of document.querySelectorAll(
      'header, nav, main, aside, footer, section, form, [role=banner], [role=navigation], [role=main], [role=complementary], [role=contentinfo], [role=region], [role=search], [role=form]',
    )) {
      if (!shown(el) || scoped(el)) continue;
      const role = el.getAttribute('role') ?? implicit[el.tagName] ?? '';
      const name = named(el);
      // Sections and forms are landmarks only when they have a name.
      if ((role === 'region' || role === 'form') && !name) continue;
      found.push({ role, name });
    }
    return found;
  });
}

/**
 * What is wrong with a page's landmarks: no main, or two landmarks of one role that a screen
 * reader's list could not tell apart (both unnamed, or the same name).
 */
export function landmarkProblems(list: Landmark[]): string[] {
  const problems: string[] = [];
  if (list.filter((l) => l.role === 'main').length !== 1) problems.push('not exactly one main');
  const byRole = new Map<string, string[]>();
  for (const { role, name } of list) byRole.set(role, [...(byRole.get(role) ?? []), name]);
  for (const [role, names] of byRole) {
    if (names.length < 2) continue;
    if (names.some((n) => !n)) problems.push(`${names.length} ${role} landmarks, some unnamed`);
    else if (new Set(names).size < names.length) problems.push(`${role} landmarks share a name: ${names}`);
  }
  return problems;
}

/** The number of visible h1 elements (hidden ones, e.g. an off-screen sheet, do not count). */
export function visibleH1Count(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Array.from(document.querySelectorAll('h1')).filter(
        (h) => getComputedStyle(h).display !== 'none' && h.getClientRects().length > 0,
      ).length,
  );
}
