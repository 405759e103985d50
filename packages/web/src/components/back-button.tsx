import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChevronIcon } from './icons.tsx';

/**
 * Back to where the reader came from, or to Discover when the page was opened directly (a shared
 * link): React Router numbers its history entries, so index 0 means there is nothing to go back to.
 */
export function BackButton({ className }: { className: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = () => {
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (index > 0 ? navigate(-1) : navigate('/'));
  };
  return (
    <button type="button" className={className} aria-label={t('common.back')} onClick={back}>
      <ChevronIcon size={22} />
    </button>
  );
}
