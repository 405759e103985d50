import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field.tsx';

const TOPICS_MAX = 10;

/** Topics as removable chips; Enter, comma or space adds the typed one (a leading # is dropped). */
export function TopicInput({
  topics,
  onChange,
  error,
}: {
  topics: string[];
  onChange: (topics: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const topic = draft.trim().replace(/^#+/, '').replace(/#+$/, '');
    setDraft('');
    if (topic && !topics.includes(topic) && topics.length < TOPICS_MAX) onChange([...topics, topic]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Composition (IME) Enter picks a candidate character; it must not add a topic.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' || e.key === ',' || e.key === ' ') {
      e.preventDefault();
      add();
    }
  };
  return (
    <Field label={t('compose.topics')} error={error}>
      {(props) => (
        <div className="topic-input">
          {topics.map((topic) => (
            <span key={topic} className="chip">
              {`#${topic}`}
              <button
                type="button"
                aria-label={t('compose.removeTopic', { topic })}
                onClick={() => onChange(topics.filter((x) => x !== topic))}
              >
                {'×'}
              </button>
            </span>
          ))}
          <input
            {...props}
            value={draft}
            maxLength={50}
            placeholder={t('compose.topicsPlaceholder')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={add}
          />
        </div>
      )}
    </Field>
  );
}
