import type { Language } from '@plaza/kernel';
import type { TextLanguage } from '../../packages/community/src/contracts.ts';
import { checkNoteInput } from '../../packages/community/src/notes/input.ts';
import { detectLanguage } from '../../packages/community/src/notes/language.ts';
import { documentTokens } from '../../packages/community/src/search/text.ts';
import { noteText, type Script } from './corpus.ts';
import type { Random } from './random.ts';

/**
 * Note contents, prepared with the notes and search modules' own functions: the input
 * checks (cleaned title and body, topics from the list and #tags, topic keys), language
 * detection with the writer's hint, and the search index's tokens. Those cost about 0.8 ms
 * per note (OpenCC conversions, jieba), so a pool of distinct texts is prepared once and
 * notes reuse its entries; every stored value is still exactly what the modules compute.
 */
export interface PreparedText {
  title: string;
  body: string;
  language: TextLanguage;
  topicsJson: string;
  explicitJson: string;
  /** Topic keys in note_topics order, and the label the search index shows for each. */
  topicKeys: string[];
  labels: string[];
  /** Space-joined search tokens, as the search store writes them. */
  tokens: string;
}

export const SCRIPT_OF: Record<Language, Script> = { 'zh-TW': 'zh-Hant', 'zh-CN': 'zh-Hans', en: 'en' };

// The hint the notes service derives from the writer's chosen language.
const HINT: Record<Script, TextLanguage | undefined> = {
  'zh-Hant': 'zh-Hant',
  'zh-Hans': 'zh-Hans',
  en: undefined,
};

function prepare(script: Script, random: Random): PreparedText {
  const raw = noteText(script, random);
  // A placeholder media id: the count rule is checked here, the real ids are the author's.
  const note = checkNoteInput({
    title: raw.title,
    body: raw.body,
    mediaIds: ['m'],
    topics: raw.topics,
    status: 'published',
  });
  const labels = new Map(note.topics.map((t, i) => [note.topicKeys[i]!, t.replace(/^#+/, '')]));
  return {
    title: note.title,
    body: note.body,
    language: detectLanguage(`${note.title}\n${note.body}`, HINT[script]),
    topicsJson: JSON.stringify(note.topics),
    explicitJson: JSON.stringify(note.explicitTopics),
    topicKeys: note.topicKeys,
    labels: note.topicKeys.map((k) => labels.get(k) ?? k),
    tokens: documentTokens([note.title, note.body, ...note.topics].join('\n')).join(' '),
  };
}

/** `perScript` distinct texts for each script. */
export function prepareTexts(perScript: number, random: Random): Record<Script, PreparedText[]> {
  const pool = { 'zh-Hant': [], 'zh-Hans': [], en: [] } as Record<Script, PreparedText[]>;
  for (const script of Object.keys(pool) as Script[]) {
    for (let i = 0; i < perScript; i += 1) pool[script].push(prepare(script, random));
  }
  return pool;
}
