import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TextField } from '../../../components/field.tsx';
import { Empty, ErrorBox, Loading } from '../../../components/states.tsx';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { type Issues, issuesOf } from '../form-issues.ts';
import { useCatalog } from '../use-catalog.ts';
import { CardResults } from './card-results.tsx';
import { CARD_SEARCH_FIELDS, CARD_STATUSES, type CardSearchParams, searchCards } from './card-search-api.ts';

const paramsOf = (search: URLSearchParams): CardSearchParams => ({
  q: search.get('q') ?? '',
  plan: search.get('plan') ?? '',
  level: search.get('level') ?? '',
  status: search.get('status') ?? '',
});

/**
 * `/rewards/admin/cards`: find cards by holder (handle or name), last four digits, card id or
 * token, narrowed by plan, level and status today. The search lives in the address, so a
 * result opened and left comes back to the same list.
 */
export function CardSearchPage() {
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const submit = (next: CardSearchParams) =>
    setSearch(
      new URLSearchParams(CARD_SEARCH_FIELDS.flatMap((f) => (next[f].trim() ? [[f, next[f].trim()]] : []))),
    );
  const list = useCardSearch(params);
  // A search the server refuses (a link can carry more than the box lets one type) is said
  // beside the box, as any form's field is.
  const refused = issuesOf(list.error);
  return (
    <section className="rewards-section">
      <SearchForm key={search.toString()} initial={params} onSubmit={submit} refused={refused} />
      <SearchResults params={params} list={list} refused={Object.keys(refused).length > 0} />
    </section>
  );
}

const useCardSearch = (params: CardSearchParams) =>
  useInfiniteQuery({
    queryKey: ['rewards', 'admin', 'card-search', params],
    queryFn: ({ pageParam }) => searchCards(params, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

function SearchForm({
  initial,
  onSubmit,
  refused,
}: {
  initial: CardSearchParams;
  onSubmit: (params: CardSearchParams) => void;
  /** The server's messages for the search's fields, by name. */
  refused: Issues;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const set = (field: keyof CardSearchParams) => (value: string) => setForm({ ...form, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return (
    <form
      className="card rewards-admin-form console-card-search"
      onSubmit={submit}
      noValidate
      data-testid="card-search"
    >
      <h2 className="section-title">{t('rewards.admin.cardSearch.title')}</h2>
      <TextField
        label={t('rewards.admin.cardSearch.q')}
        hint={t('rewards.admin.cardSearch.qHint')}
        name="q"
        type="search"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={64}
        value={form.q}
        onChange={set('q')}
        error={refused.q}
      />
      <div className="rewards-admin-trio">
        <PlanFilter value={form.plan} onChange={set('plan')} />
        <Select
          name="level"
          label={t('rewards.admin.cardSearch.level')}
          value={form.level}
          onChange={set('level')}
        >
          {[1, 2, 3].map((level) => (
            <option key={level} value={level}>
              {t('rewards.admin.cardSearch.levelN', { level })}
            </option>
          ))}
        </Select>
        <Select
          name="status"
          label={t('rewards.admin.cardSearch.status')}
          value={form.status}
          onChange={set('status')}
        >
          {CARD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`rewards.admin.cardSearch.statuses.${status}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <button type="submit" className="btn btn-primary">
          {t('rewards.admin.cardSearch.search')}
        </button>
      </div>
    </form>
  );
}

function PlanFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const catalog = useCatalog();
  const plans = catalog.data?.plans ?? [];
  return (
    <Select name="plan" label={t('rewards.admin.cardSearch.plan')} value={value} onChange={onChange}>
      {/* A plan asked for in the address shows even before the catalog has loaded. */}
      {value && !plans.some((p) => p.id === value) && <option value={value}>{value}</option>}
      {plans.map((plan) => (
        <option key={plan.id} value={plan.id}>
          {name(plan.names)}
        </option>
      ))}
    </Select>
  );
}

function Select({
  name,
  label,
  value,
  onChange,
  children,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = `card-search-${name}`;
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
      </div>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('rewards.admin.cardSearch.any')}</option>
        {children}
      </select>
    </div>
  );
}

function SearchResults({
  params,
  list,
  refused,
}: {
  params: CardSearchParams;
  list: ReturnType<typeof useCardSearch>;
  /** The form already says what was refused: asking again would be refused again. */
  refused: boolean;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorBox error={list.error} {...(refused ? {} : { onRetry: () => void list.refetch() })} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const truncated = list.data.pages[0]?.holdersTruncated ?? false;
  return (
    <section
      className="console-card-results"
      aria-label={t('rewards.admin.cardSearch.results')}
      data-testid="card-search-results"
      data-q={params.q}
    >
      {truncated && (
        <p className="rewards-admin-note" data-testid="card-search-truncated">
          {t('rewards.admin.cardSearch.truncated')}
        </p>
      )}
      {items.length === 0 ? (
        <Empty>
          <span data-testid="card-search-none">{t('rewards.admin.cardSearch.none')}</span>
        </Empty>
      ) : (
        <CardResults items={items} />
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost console-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('rewards.admin.cardSearch.more')}
        </button>
      )}
    </section>
  );
}
