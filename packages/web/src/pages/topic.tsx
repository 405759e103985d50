import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { topicFeed } from '../api/feeds.ts';
import { NoteGrid } from '../components/note-grid.tsx';
import { usePageTitle } from '../i18n/page-title.ts';

/** `/topics/:topic`: every published note carrying the topic, newest first. */
export function TopicPage() {
  const { t } = useTranslation();
  const { topic = '' } = useParams();
  usePageTitle(t('titles.topic', { topic }));
  return (
    <div className="page page-wide">
      <header className="topic-header">
        <span className="topic-mark" aria-hidden="true">
          {'#'}
        </span>
        <h1 className="page-title">{topic}</h1>
      </header>
      <NoteGrid
        queryKey={['topic', topic]}
        fetchPage={(cursor) => topicFeed(topic, cursor)}
        empty={t('topic.empty')}
      />
    </div>
  );
}
