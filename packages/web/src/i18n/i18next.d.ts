import 'i18next';
import type { en } from './catalogs.ts';

// Makes `t('nav.discover')` a checked key: a typo is a compile error, not a blank label.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
