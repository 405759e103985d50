import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MERCHANT_ID } from '../../api/merchants.ts';
import { useMerchantNames } from '../../api/use-merchant-names.ts';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { nameMerchantPath } from './merchant-chips.tsx';
import { useSettled } from './use-settled.ts';

/** Under a merchant id field: the name cardholders read, or that it has none yet (with a way to add one). */
export function MerchantNote({ id }: { id: string }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const settled = useSettled(MERCHANT_ID.test(id) ? id : '');
  const names = useMerchantNames(settled ? [settled] : []);
  if (!settled || settled !== id || names.isPending) return null;
  const known = names.byId.get(settled);
  return (
    <p className="muted merchant-note" data-testid="merchant-note" data-named={known ? 'yes' : 'no'}>
      {known ? (
        t('rewards.admin.directory.previewName', { name: name(known) })
      ) : (
        <>
          {t('rewards.admin.directory.previewUnnamed')}{' '}
          <Link to={nameMerchantPath(settled)}>{t('rewards.admin.directory.addName')}</Link>
        </>
      )}
    </p>
  );
}
