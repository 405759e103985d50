import { useTranslation } from 'react-i18next';
import type { CommentOrder } from '../api/types.ts';

const ORDERS = [
  ['newest', 'pages.comments.newest'],
  ['liked', 'pages.comments.mostLiked'],
] as const;

/** Newest or most liked first: two toggle buttons beside the comments' heading. */
export function CommentOrderSwitch({
  order,
  onChange,
}: {
  order: CommentOrder;
  onChange: (order: CommentOrder) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="comment-order" role="group" aria-label={t('pages.comments.order')}>
      {ORDERS.map(([value, label]) => (
        <button
          key={value}
          type="button"
          className={order === value ? 'active' : ''}
          aria-pressed={order === value}
          onClick={() => onChange(value)}
        >
          {t(label)}
        </button>
      ))}
    </div>
  );
}
