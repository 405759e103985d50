import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { search } from '../api/feeds.ts';
import type { AuthorView, TopicView } from '../api/types.ts';
import { Avatar } from '../components/avatar.tsx';
import { SearchIcon } from '../components/icons.tsx';
import { NoteGrid } from '../components/note-grid.tsx';
import { ResultList } from '../components/result-list.tsx';
import { Empty } from '../components/states.tsx';
import { usePageTitle } from '../i18n/page-title.ts';

type SearchTab = 'notes' | 'accounts' | 'topics';
const TABS: SearchTab[] = ['notes', 'accounts', 'topics'];

function tabOf(value: string | null): SearchTab {
  return value === 'accounts' || value === 'topics' ? value : 'notes';
}

/** `/search?q=&type=`: one box, three result tabs; the URL holds the state so results can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.search'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const tab = tabOf(params.get('type'));
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ q: draft.trim(), type: tab });
  };
  return (
    <div className="page page-wide search-page">
      <h1 className="visually-hidden">{t('nav.search')}</h1>
      <form className="search-box" onSubmit={submit}>
        <SearchIcon size={18} />
        <input
          type="search"
          name="q"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
        />
        <button type="submit" className="btn btn-primary btn-small">
          {t('search.submit')}
        </button>
      </form>
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => setParams({ q, type: name })}
          >
            {t(`search.${name}`)}
          </button>
        ))}
      </div>
      {!q && <Empty>{t('search.prompt')}</Empty>}
      {q && tab === 'notes' && (
        <NoteGrid
          queryKey={['search', 'notes', q]}
          fetchPage={(cursor) => search(q, 'notes', cursor)}
          empty={t('search.noResults', { q })}
        />
      )}
      {q && tab === 'accounts' && (
        <ResultList
          queryKey={['search', 'accounts', q]}
          fetchPage={(cursor) => search(q, 'accounts', cursor)}
          empty={t('search.noResults', { q })}
          itemKey={(account) => account.id}
        >
          {(account) => <AccountRow account={account} />}
        </ResultList>
      )}
      {q && tab === 'topics' && (
        <ResultList
          queryKey={['search', 'topics', q]}
          fetchPage={(cursor) => search(q, 'topics', cursor)}
          empty={t('search.noResults', { q })}
          itemKey={(item) => item.topic}
        >
          {(item) => <TopicRow item={item} />}
        </ResultList>
      )}
    </div>
  );
}

function AccountRow({ account }: { account: AuthorView }) {
  const name = account.displayName || account.handle;
  return (
    <Link to={`/u/${encodeURIComponent(account.handle)}`} className="result-row">
      <Avatar name={name} url={account.avatarUrl} size={44} />
      <span className="result-main">
        <strong>{name}</strong>
        <span className="muted">{`@${account.handle}`}</span>
      </span>
    </Link>
  );
}

function TopicRow({ item }: { item: TopicView }) {
  const { t } = useTranslation();
  return (
    <Link to={`/topics/${encodeURIComponent(item.topic)}`} className="result-row">
      <span className="topic-mark" aria-hidden="true">
        {'#'}
      </span>
      <span className="result-main">
        <strong>{item.topic}</strong>
        <span className="muted">{t('topic.notes', { count: item.noteCount })}</span>
      </span>
    </Link>
  );
}
