import type { Theme } from '../personas.ts';

/**
 * Phrases for one theme in one language. Templates may hold `{slot}` placeholders, filled
 * from the theme's slots first, then the language's.
 */
export interface ThemeCorpus {
  titles: string[];
  openers: string[];
  details: string[];
  tips: string[];
  closers: string[];
  /** Without the `#`. */
  topics: string[];
  slots?: Record<string, string[]>;
}

export interface LanguageCorpus {
  slots: Record<string, string[]>;
  themes: Partial<Record<Theme, ThemeCorpus>>;
  /** A sentence naming a friend; `{mention}` becomes `@handle`. */
  mentionLines: string[];
  /** How hashtags are introduced at the end of a body, if at all. */
  topicLead: string[];
}

export interface CommentCorpus {
  /** On any note in this language. */
  generic: string[];
  byTheme: Partial<Record<Theme, string[]>>;
  /** The author answering a comment. */
  authorReplies: string[];
  /** Written on a note in another language: the cross-cultural greetings of the surge. */
  crossLanguage: string[];
  /** A reply mentioning someone; `{mention}` becomes `@handle`. */
  mentionReplies: string[];
}
