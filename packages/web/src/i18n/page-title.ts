import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * Names the browser tab after the page and the product ("台北咖啡 – Plaza", "Sign in – Plaza"),
 * in the reader's language; `null` while the page's own name is loading leaves the product alone.
 * Call it from the page itself, not from a layout around it: a layout's effect runs after its
 * page's and would overwrite the more precise name.
 */
export function usePageTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const title = page ? t('titles.format', { page }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * The title of a layout whose child routes are its sections (`/rewards/cards/:id/points`):
 * the first section `sections` names in the path after `base`, else `fallback`.
 * @example useSectionTitle('/rewards/admin', { preview: t('titles.preview') }, t('titles.admin'))
 */
export function useSectionTitle(base: string, sections: Record<string, string>, fallback: string): void {
  const { pathname } = useLocation();
  const rest = pathname.startsWith(base) ? pathname.slice(base.length).split('/') : [];
  const section = rest.find((part) => Object.hasOwn(sections, part));
  usePageTitle(section ? sections[section] : fallback);
}
