import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../hooks/use-error-text.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="state state-error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn-ghost" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

interface PagedListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  items: unknown[];
  refetch: () => Promise<unknown>;
}

/**
 * What a paged list (`usePaged`) shows instead of its items: a spinner, the error with a retry,
 * or `empty`. Null once there are items.
 */
export function listFallback(list: PagedListState, empty: ReactNode): ReactElement | null {
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorBox error={list.error} onRetry={() => void list.refetch()} />;
  if (list.items.length === 0) return <Empty>{empty}</Empty>;
  return null;
}
