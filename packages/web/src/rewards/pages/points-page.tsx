import { useTranslation } from 'react-i18next';
import { Loading, listFallback } from '../../components/states.tsx';
import type { PostingItem } from '../api/ledger-types.ts';
import { PointsBalance } from '../components/points-balance.tsx';
import { usePoints } from '../hooks/use-ledger.ts';
import { formatPoints, formatTaipeiDateTime } from '../lib/format.ts';
import { useCardOutlet } from './card-layout.tsx';

/** `/rewards/cards/:cardId/points`: the balance, and every posting that made it, newest first. */
export function PointsPage() {
  const { t } = useTranslation();
  const card = useCardOutlet();
  const list = usePoints(card.id);
  const fallback = listFallback(list, t('rewards.points.empty'));
  return (
    <section className="rewards-section">
      {list.balance && (
        <div className="card">
          <PointsBalance balance={list.balance} />
          <p className="muted">{t('rewards.points.rule')}</p>
        </div>
      )}
      <h2 className="section-title">{t('rewards.points.history')}</h2>
      {fallback ?? (
        <ul className="rewards-postings card" data-testid="postings">
          {list.items.map((posting) => (
            <PostingRow key={posting.id} posting={posting} />
          ))}
        </ul>
      )}
      <div ref={list.sentinelRef}>{list.isFetchingNextPage && <Loading />}</div>
    </section>
  );
}

const KINDS = [
  'earn',
  'clawback_pending',
  'clawback_available',
  'clawback_receivable',
  'release',
  'repay',
  'spend',
] as const;
type Kind = (typeof KINDS)[number];

/** Which way a posting moved the holder's points: in (earned), out (taken back, spent), or along (released). */
const DIRECTION: Record<Kind, '+' | '−' | '→'> = {
  earn: '+',
  clawback_pending: '−',
  clawback_available: '−',
  clawback_receivable: '−',
  release: '→',
  repay: '−',
  spend: '−',
};

function PostingRow({ posting }: { posting: PostingItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kind = (KINDS as readonly string[]).includes(posting.kind) ? (posting.kind as Kind) : null;
  const sign = kind ? DIRECTION[kind] : '';
  return (
    <li className="rewards-posting" data-kind={posting.kind}>
      <span className="rewards-tx-main">
        <span>{kind ? t(`rewards.points.kind.${kind}`) : posting.kind}</span>
        <span className="muted">{formatTaipeiDateTime(posting.effectiveAt, lang)}</span>
      </span>
      <span className={`rewards-posting-points rewards-posting-${sign === '−' ? 'out' : 'in'}`}>
        {sign === '→' ? '' : sign}
        {formatPoints(posting.points, lang)}
        <span className="muted"> {t(`rewards.points.bucket.${bucketOf(posting)}`)}</span>
      </span>
    </li>
  );
}

/** The card bucket a posting is about: where points went, or where they left from when going to the bank. */
function bucketOf(posting: PostingItem): 'pending' | 'available' | 'receivable' {
  const side = posting.to === 'bank' ? posting.from : posting.to;
  return side === 'pending' || side === 'receivable' ? side : 'available';
}
