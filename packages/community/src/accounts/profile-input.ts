import { bidiIssue, bidiSafe, type FieldIssue, LANGUAGES, type Language } from '@plaza/kernel';

export const DISPLAY_NAME_MAX = 30;
export const BIO_MAX = 200;

/** What PATCH /me may change; absent fields stay as they are. */
export interface ProfileChanges {
  displayName?: string | undefined;
  bio?: string | undefined;
  /** Null removes the avatar. */
  avatarMediaId?: string | null | undefined;
  language?: string | undefined;
}

export interface CheckedChanges {
  displayName?: string;
  bio?: string;
  avatarMediaId?: string | null;
  language?: Language;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Control characters never belong in a name or bio (a bio may keep its line breaks).
const CONTROL_RE = /[\p{Cc}]/u;
const CONTROL_EXCEPT_NEWLINE_RE = /[^\P{Cc}\n]/u;
// Whitespace and invisible formatting characters (zero-width spaces, joiners, BOM).
const INVISIBLE_EDGES_RE = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

/** Length as people count it: code points, so an emoji or a CJK character is one. */
function lengthOf(text: string): number {
  return [...text].length;
}

function checkDisplayName(raw: string, issues: FieldIssue[]): string | undefined {
  // Checked before the edges are trimmed: a name is refused, never quietly changed.
  const bidi = bidiSafe(raw, 'line');
  const name = raw.normalize('NFC').replace(INVISIBLE_EDGES_RE, '');
  if (!bidi.ok) issues.push(bidiIssue('/displayName', bidi.found));
  else if (CONTROL_RE.test(name))
    issues.push({
      field: '/displayName',
      code: 'control_characters',
      message: 'must not contain control characters',
    });
  else if (lengthOf(name) < 1)
    issues.push({ field: '/displayName', code: 'empty', message: 'must not be empty' });
  else if (lengthOf(name) > DISPLAY_NAME_MAX)
    issues.push({
      field: '/displayName',
      code: 'too_long',
      params: { max: DISPLAY_NAME_MAX },
      message: `must be at most ${DISPLAY_NAME_MAX} characters`,
    });
  else return name;
  return undefined;
}

function checkBio(raw: string, issues: FieldIssue[]): string | undefined {
  const { text } = bidiSafe(raw.normalize('NFC').replace(/\r\n?/g, '\n'), 'prose');
  const bio = text.replace(INVISIBLE_EDGES_RE, '');
  if (CONTROL_EXCEPT_NEWLINE_RE.test(bio))
    issues.push({
      field: '/bio',
      code: 'control_characters',
      message: 'must not contain control characters',
    });
  else if (lengthOf(bio) > BIO_MAX)
    issues.push({
      field: '/bio',
      code: 'too_long',
      params: { max: BIO_MAX },
      message: `must be at most ${BIO_MAX} characters`,
    });
  else return bio;
  return undefined;
}

/** Checks every field at once so the client sees all problems in one answer. */
export function checkProfileChanges(input: ProfileChanges): {
  changes: CheckedChanges;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const changes: CheckedChanges = {};
  if (input.displayName !== undefined) {
    const name = checkDisplayName(input.displayName, issues);
    if (name !== undefined) changes.displayName = name;
  }
  if (input.bio !== undefined) {
    const bio = checkBio(input.bio, issues);
    if (bio !== undefined) changes.bio = bio;
  }
  if (input.avatarMediaId !== undefined) {
    if (input.avatarMediaId === null || UUID_RE.test(input.avatarMediaId))
      changes.avatarMediaId = input.avatarMediaId;
    else issues.push({ field: '/avatarMediaId', code: 'not_id', message: 'is not a media id' });
  }
  if (input.language !== undefined) {
    if ((LANGUAGES as readonly string[]).includes(input.language))
      changes.language = input.language as Language;
    else
      issues.push({
        field: '/language',
        code: 'not_allowed',
        params: { allowed: LANGUAGES.join(', ') },
        message: `must be one of ${LANGUAGES.join(', ')}`,
      });
  }
  return { changes, issues };
}
