import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listFallback } from '../../../components/states.tsx';
import { usePaged } from '../../../hooks/use-paged.ts';
import { listMerchants, type MerchantView } from '../../api/merchants.ts';
import { merchantKeys, useMerchantNames } from '../../api/use-merchant-names.ts';
import { catalogMerchantIds, useCatalog } from '../use-catalog.ts';
import { blankMerchant, draftOf, type MerchantDraft, MerchantForm } from './merchant-form.tsx';
import './merchants.css';

interface FormStart {
  draft: MerchantDraft;
  renaming: boolean;
  /** Bumped on every start so the form begins again even from the same draft. */
  n: number;
}

/** `/rewards/admin/merchants`: ids the plans name without a name, the add/rename form, the directory. */
export function MerchantsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('id') ?? '';
  const formRef = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<FormStart>({ draft: blankMerchant(asked), renaming: false, n: 0 });
  const begin = (draft: MerchantDraft, renaming: boolean) => {
    setStart((s) => ({ draft, renaming, n: s.n + 1 }));
    formRef.current?.scrollIntoView({ block: 'start' });
  };
  // A link from a channel ("add a name") while this page is open starts the form for that id.
  const [seenAsked, setSeenAsked] = useState(asked);
  if (asked !== seenAsked) {
    setSeenAsked(asked);
    setStart((s) => ({ draft: blankMerchant(asked), renaming: false, n: s.n + 1 }));
  }
  return (
    <section className="rewards-section">
      <p className="muted">{t('rewards.admin.directory.intro')}</p>
      <UnnamedMerchants onName={(id) => begin(blankMerchant(id), false)} />
      <div ref={formRef}>
        <MerchantForm
          key={start.n}
          start={start.draft}
          renaming={start.renaming}
          onNew={() => begin(blankMerchant(), false)}
        />
      </div>
      <Directory onRename={(merchant) => begin(draftOf(merchant), true)} />
    </section>
  );
}

/** Every merchant id some version's channels name that the directory has no name for. */
function UnnamedMerchants({ onName }: { onName: (id: string) => void }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const named = catalogMerchantIds(catalog.data);
  const names = useMerchantNames(named);
  if (catalog.isPending || names.isPending) return null;
  const unnamed = named.filter((id) => !names.byId.has(id));
  return (
    <div className="card rewards-admin-form" data-testid="unnamed-merchants">
      <h2 className="section-title">{t('rewards.admin.directory.unnamedTitle')}</h2>
      {unnamed.length === 0 ? (
        <p className="muted">{t('rewards.admin.directory.unnamedNone')}</p>
      ) : (
        <ul className="merchant-chips">
          {unnamed.map((id) => (
            <li key={id} className="merchant-chip" data-merchant={id} data-named="no">
              <code>{id}</code>
              <span className="badge merchant-unnamed">{t('rewards.admin.directory.noName')}</span>
              <button type="button" className="link-button" onClick={() => onName(id)}>
                {t('rewards.admin.directory.addName')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The whole directory in id order, loaded a page at a time as it scrolls. */
function Directory({ onRename }: { onRename: (merchant: MerchantView) => void }) {
  const { t } = useTranslation();
  const list = usePaged(merchantKeys.list, listMerchants);
  const C = 'rewards.admin.directory.columns';
  return (
    <section className="rewards-section">
      <h2 className="section-title">{t('rewards.admin.directory.listTitle')}</h2>
      {listFallback(list, t('rewards.admin.directory.empty')) ?? (
        <div className="rewards-table-wrap">
          <table className="rewards-table merchant-table" data-testid="merchant-directory">
            <thead>
              <tr>
                <th scope="col">{t(`${C}.id`)}</th>
                <th scope="col">{t(`${C}.zhTW`)}</th>
                <th scope="col">{t(`${C}.en`)}</th>
                <th scope="col">{t(`${C}.mcc`)}</th>
                <th scope="col">{t(`${C}.change`)}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((merchant) => (
                <tr key={merchant.id} data-merchant={merchant.id}>
                  <th scope="row">
                    <code>{merchant.id}</code>
                  </th>
                  <td>{merchant.names['zh-TW']}</td>
                  <td>{merchant.names.en}</td>
                  <td>{merchant.mcc === null ? '' : String(merchant.mcc).padStart(4, '0')}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onRename(merchant)}>
                      {t('rewards.admin.directory.rename')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div ref={list.sentinelRef} />
    </section>
  );
}
