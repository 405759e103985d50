import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../i18n/index.ts';
import { isUiLanguage, UI_LANGUAGES } from '../i18n/language.ts';

/** The UI language picker; each language is named in itself so anyone can find theirs. */
export function LanguageSwitcher({
  onChange,
  compact,
}: {
  onChange?: (language: string) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className={compact ? 'lang-switch lang-switch-compact' : 'lang-switch'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'field-label'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          const value = event.target.value;
          if (!isUiLanguage(value)) return;
          void switchLanguage(value);
          onChange?.(value);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
