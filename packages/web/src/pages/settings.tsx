import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateMe } from '../api/account.ts';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { SettingsAccount } from '../components/settings-account.tsx';
import { SettingsPassword } from '../components/settings-password.tsx';
import { SettingsProfile } from '../components/settings-profile.tsx';
import { Loading } from '../components/states.tsx';
import { ME_KEY, useMe } from '../hooks/use-me.ts';
import { isUiLanguage } from '../i18n/language.ts';
import { usePageTitle } from '../i18n/page-title.ts';

/** Profile, language, password, data export and account deletion. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.settings'));
  const { me } = useMe();
  const queryClient = useQueryClient();
  if (!me) return <Loading />;
  // The account's language also decides e.g. the language of e-mails, so keep it in step.
  const saveLanguage = (language: string) => {
    if (!isUiLanguage(language)) return;
    updateMe({ language }).then(
      () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
      () => undefined, // the UI already switched; the account keeps its old choice until next time
    );
  };
  return (
    <div className="page page-narrow settings">
      <h1 className="page-title">{t('settings.title')}</h1>
      <SettingsProfile me={me} />
      <section className="card settings-section">
        <h2 className="section-title">{t('settings.language')}</h2>
        <LanguageSwitcher onChange={saveLanguage} />
      </section>
      <SettingsPassword />
      <SettingsAccount />
    </div>
  );
}
