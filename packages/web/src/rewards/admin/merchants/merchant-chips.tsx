import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMerchantNames } from '../../api/use-merchant-names.ts';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { useSettled } from './use-settled.ts';
import './merchants.css';

/** Where the console names a merchant: the directory page, its form filled with the id. */
export const nameMerchantPath = (id: string) => `/rewards/admin/merchants?id=${encodeURIComponent(id)}`;

/**
 * Merchant ids as typed into a channel rule, each with the name cardholders read, or marked
 * "no name yet" with a link to name it (a channel may name an id before the directory does).
 */
export function MerchantChips({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const settled = useSettled(ids.join(','));
  const shown = settled ? settled.split(',') : [];
  const names = useMerchantNames(shown);
  if (shown.length === 0) return null;
  return (
    <ul className="merchant-chips" aria-label={t('rewards.admin.directory.namesLabel')}>
      {shown.map((id) => {
        const known = names.byId.get(id);
        const named = known ? 'yes' : names.isPending ? 'pending' : 'no';
        return (
          <li key={id} className="merchant-chip" data-merchant={id} data-named={named}>
            <code>{id}</code>
            {known ? (
              <span className="merchant-chip-name">{name(known)}</span>
            ) : (
              named === 'no' && (
                <>
                  <span className="badge merchant-unnamed">{t('rewards.admin.directory.noName')}</span>
                  <Link to={nameMerchantPath(id)} className="merchant-chip-add">
                    {t('rewards.admin.directory.addName')}
                  </Link>
                </>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}
