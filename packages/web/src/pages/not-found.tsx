import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../components/states.tsx';
import { usePageTitle } from '../i18n/page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.notFound'));
  return (
    <Empty>
      <p>{t('common.notFound')}</p>
      <Link to="/" className="btn btn-primary">
        {t('common.goHome')}
      </Link>
    </Empty>
  );
}
