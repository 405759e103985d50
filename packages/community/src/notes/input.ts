import { type FieldIssue, ValidationError, validationCode } from '@plaza/kernel';
import type { NoteStatus } from './store.ts';
import { cleanBody, cleanTitle, collectTopics, MENTIONS_MAX, mentionedHandles, topicKey } from './text.ts';

export const IMAGES_MIN = 1;
export const IMAGES_MAX = 18;

/** A note as the author sends it (create), or the merge of a stored note and a patch. */
export interface NoteInput {
  title: string;
  body: string;
  mediaIds: string[];
  topics: string[];
  status: NoteStatus;
}

/** A note's checked content, ready to store. */
export interface CheckedNote {
  title: string;
  body: string;
  mediaIds: string[];
  /** Topics as written, and their keys in the same order. */
  topics: string[];
  topicKeys: string[];
  /** The explicit list as sent, kept so a later body edit does not drop it. */
  explicitTopics: string[];
  handles: string[];
  status: NoteStatus;
}

function checkMediaIds(mediaIds: string[]): FieldIssue[] {
  if (mediaIds.length < IMAGES_MIN || mediaIds.length > IMAGES_MAX)
    return [
      {
        field: '/mediaIds',
        code: 'image_count',
        params: { min: IMAGES_MIN, max: IMAGES_MAX },
        message: `needs ${IMAGES_MIN} to ${IMAGES_MAX} images`,
      },
    ];
  if (new Set(mediaIds).size !== mediaIds.length)
    return [{ field: '/mediaIds', code: 'duplicate_items', message: 'lists an image more than once' }];
  return [];
}

/**
 * Cleans and checks every rule on a note's content at once, so the author sees all
 * problems in one answer. Throws ValidationError with field-level issues.
 */
export function checkNoteInput(input: NoteInput): CheckedNote {
  const title = cleanTitle(input.title);
  const body = cleanBody(input.body);
  const topics = collectTopics(input.topics, body.value);
  const handles = mentionedHandles(body.value);
  const issues = [...title.issues, ...body.issues, ...checkMediaIds(input.mediaIds), ...topics.issues];
  if (handles.length > MENTIONS_MAX)
    issues.push({
      field: '/body',
      code: 'too_many_mentions',
      params: { max: MENTIONS_MAX },
      message: `mentions ${handles.length} accounts; at most ${MENTIONS_MAX}`,
    });
  if (issues.length > 0) throw new ValidationError('The note has problems.', issues, validationCode(issues));
  return {
    title: title.value,
    body: body.value,
    mediaIds: input.mediaIds,
    topics: topics.topics,
    topicKeys: topics.topics.map(topicKey),
    explicitTopics: input.topics,
    handles,
    status: input.status,
  };
}
