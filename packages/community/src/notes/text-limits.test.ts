import { describe, expect, it } from 'vitest';
import { checkNoteInput, type NoteInput } from './input.ts';
import {
  bodyLength,
  cleanBody,
  cleanTitle,
  collectTopics,
  mentionedHandles,
  proseOf,
  titleLength,
  topicKey,
} from './text.ts';

/**
 * The edges of the note text rules: the last value each limit accepts and the first it refuses,
 * each invisible character, and the sentences the author reads.
 */
const MEDIA = ['01890000-0000-7000-8000-000000000001'];
const note = (over: Partial<NoteInput>): NoteInput => ({
  title: 't',
  body: '',
  mediaIds: MEDIA,
  topics: [],
  status: 'published',
  ...over,
});
function issuesOf(input: NoteInput) {
  try {
    checkNoteInput(input);
    return [];
  } catch (error) {
    return (error as { fields: { field: string; message: string }[] }).fields;
  }
}

describe('invisible characters', () => {
  it('drops every always-invisible character from titles and bodies, and does not count them', () => {
    for (const invisible of ['\u200B', '\u2060', '\uFEFF', '\u180E']) {
      expect(cleanTitle(`早${invisible}安`).value).toBe('早安');
      expect(cleanBody(`早${invisible}安`).value).toBe('早安');
      expect(titleLength(`早${invisible}安`)).toBe(2);
      expect(bodyLength(`早${invisible}安`)).toBe(2);
    }
  });

  it('keeps a joiner between two non-ASCII characters and drops one beside ASCII', () => {
    for (const joiner of ['\u200C', '\u200D']) {
      expect(cleanTitle(`می${joiner}خواهم`).value).toBe(`می${joiner}خواهم`);
      expect(cleanBody(`a${joiner}字`).value).toBe('a字');
      expect(cleanBody(`字${joiner}a`).value).toBe('字a');
      expect(cleanBody(`${joiner}字`).value).toBe('字');
      expect(titleLength(`字${joiner}字`)).toBe(2);
    }
  });

  it('counts ASCII as half and everything from U+0080 up as one', () => {
    expect(titleLength('~')).toBe(0.5);
    expect(titleLength('\u0080')).toBe(1);
    expect(titleLength('é')).toBe(1);
  });
});

describe('title and body limits', () => {
  it('refuses a title over 20 with its measured length', () => {
    expect(cleanTitle(`${'一'.repeat(20)}a`).issues).toEqual([
      {
        field: '/title',
        code: 'title_too_long',
        params: { max: 20 },
        message: 'is 20.5 long; at most 20 (a Chinese character counts 1, a Latin letter ½)',
      },
    ]);
  });

  it('refuses a title with a direction control, a lone surrogate or a control character', () => {
    expect(cleanTitle('abc\u202Edef').issues).toEqual([
      {
        field: '/title',
        code: 'bidi_control',
        params: { character: 'U+202E' },
        message: 'contains U+202E, an invisible character that reorders text',
      },
    ]);
    for (const bad of ['a\uD800b', 'a\u0000b', 'tab\there'])
      expect(cleanTitle(bad).issues).toEqual([
        { field: '/title', code: 'control_characters', message: 'contains control or invalid characters' },
      ]);
  });

  it('takes a body of exactly 1000 characters and refuses 1001 with the count', () => {
    expect(cleanBody('字'.repeat(1000)).issues).toEqual([]);
    expect(cleanBody(`${'字'.repeat(1000)}\u200B`).issues).toEqual([]);
    expect(cleanBody('字'.repeat(1001)).issues).toEqual([
      {
        field: '/body',
        code: 'too_long',
        params: { max: 1000 },
        message: 'has 1001 characters; at most 1000',
      },
    ]);
  });

  it('drops direction formatting from a body, unifies line ends, and names a bad control', () => {
    expect(cleanBody('a\u202Eb\rc').value).toBe('ab\nc');
    expect(cleanBody('  text  ').value).toBe('text');
    expect(cleanBody('a\u001Bb').issues).toEqual([
      {
        field: '/body',
        code: 'control_characters',
        message: 'contains control characters other than newline and tab',
      },
    ]);
    expect(cleanBody('a\uDC00').issues).toHaveLength(1);
  });
});

describe('topic limits', () => {
  it('takes a topic of 30 characters and refuses 31, with the sentence', () => {
    expect(collectTopics(['字'.repeat(30)], '').issues).toEqual([]);
    expect(collectTopics(['字'.repeat(31)], '').issues).toEqual([
      {
        field: '/topics/0',
        code: 'topic_too_long',
        params: { topic: '字'.repeat(31), max: 30 },
        message: `topic "${'字'.repeat(31)}" is longer than 30 characters`,
      },
    ]);
    expect(collectTopics(['a b'], '').issues).toEqual([
      {
        field: '/topics/0',
        code: 'topic_characters',
        params: { topic: 'a b' },
        message: 'topic "a b" may hold only letters, digits and _',
      },
    ]);
  });

  it('takes 10 topics and refuses 11, counting one topic written twice once', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(collectTopics([...ten, 'T0'], '#t1').issues).toEqual([]);
    expect(collectTopics([...ten, 'eleven'], '').issues).toEqual([
      {
        field: '/topics',
        code: 'too_many_topics',
        params: { max: 10 },
        message: 'has 11 topics; at most 10',
      },
    ]);
  });

  it('keys a topic without its leading #s and spaces, and keeps a # inside it', () => {
    // A topic page asked for with a pasted ' #夜市' is the topic 夜市 (it found nothing before).
    for (const spelled of [' ##夜市 ', '# 夜市', '\u3000#夜市'])
      expect(topicKey(spelled)).toBe(topicKey('夜市'));
    expect(topicKey('C#')).toBe('c#');
    expect(collectTopics(['c#'], '').issues).toEqual([
      {
        field: '/topics/0',
        code: 'topic_characters',
        params: { topic: 'c#' },
        message: 'topic "c#" may hold only letters, digits and _',
      },
    ]);
  });

  it('strips leading #s and spaces from listed topics, and names a direction control', () => {
    expect(collectTopics(['  ##夜市 '], '').topics).toEqual(['夜市']);
    expect(collectTopics(['ok', 'a\u202Eb'], '').issues).toEqual([
      {
        field: '/topics/1',
        code: 'bidi_control',
        params: { character: 'U+202E' },
        message: 'contains U+202E, an invisible character that reorders text',
      },
    ]);
  });

  it('reads a body tag after a space, punctuation or the start, not inside a word, a link or an entity', () => {
    expect(collectTopics([], '#start 中#中 (#paren) a/#path &#39; ##double x_#under').topics).toEqual([
      'start',
      'paren',
    ]);
    expect(collectTopics([], '#夜市_2024 #Café').topics).toEqual(['夜市_2024', 'Café']);
  });
});

describe('mention limits', () => {
  it('reads handles of 3 to 30 letters, digits or _, not inside a word, an address or a longer name', () => {
    expect(mentionedHandles(`@abc @ab @${'x'.repeat(30)} @${'y'.repeat(31)}`)).toEqual([
      'abc',
      'x'.repeat(30),
    ]);
    expect(mentionedHandles('a@abc .@abc @@abc _@abc @abc-def 字@abc')).toEqual(['abc']);
  });

  it('takes 20 mentions and refuses 21, with the count', () => {
    const handles = (n: number) => Array.from({ length: n }, (_, i) => `@user_${i}`).join(' ');
    expect(issuesOf(note({ body: handles(20) }))).toEqual([]);
    expect(issuesOf(note({ body: handles(21) }))).toEqual([
      {
        field: '/body',
        code: 'too_many_mentions',
        params: { max: 20 },
        message: 'mentions 21 accounts; at most 20',
      },
    ]);
  });

  it('prose for language detection leaves out handles and links', () => {
    expect(proseOf('看 @lin_mei 的 https://example.com/a?b=1 和 http://x.tw 吧')).toBe('看   的   和   吧');
  });
});

describe('a note as a whole', () => {
  it('needs 1 to 18 distinct images, with the sentence', () => {
    const ids = Array.from(
      { length: 19 },
      (_, i) => `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const range = [
      {
        field: '/mediaIds',
        code: 'image_count',
        params: { min: 1, max: 18 },
        message: 'needs 1 to 18 images',
      },
    ];
    expect(issuesOf(note({ mediaIds: [] }))).toEqual(range);
    expect(issuesOf(note({ mediaIds: ids }))).toEqual(range);
    expect(issuesOf(note({ mediaIds: ids.slice(0, 1) }))).toEqual([]);
    expect(issuesOf(note({ mediaIds: [ids[0]!, ids[0]!] }))).toEqual([
      { field: '/mediaIds', code: 'duplicate_items', message: 'lists an image more than once' },
    ]);
  });

  it('answers the cleaned note: topics with their keys, the list as sent, handles and status', () => {
    expect(
      checkNoteInput(
        note({ title: ' 夜市 ', body: 'Hi @Lin_Mei #台灣美食', topics: ['#Taipei'], status: 'draft' }),
      ),
    ).toEqual({
      title: '夜市',
      body: 'Hi @Lin_Mei #台灣美食',
      mediaIds: MEDIA,
      topics: ['Taipei', '台灣美食'],
      topicKeys: ['taipei', '台湾美食'],
      explicitTopics: ['#Taipei'],
      handles: ['lin_mei'],
      status: 'draft',
    });
  });

  it('names the problem code: a direction control is bidi_control, anything else validation_failed', () => {
    const codeOf = (input: NoteInput) => {
      try {
        checkNoteInput(input);
        return null;
      } catch (error) {
        return (error as { code: string; message: string }).code;
      }
    };
    expect(codeOf(note({ title: 'a\u202Eb' }))).toBe('bidi_control');
    expect(codeOf(note({ title: '' }))).toBe('validation_failed');
    expect(() => checkNoteInput(note({ title: '' }))).toThrow('The note has problems.');
  });
});
