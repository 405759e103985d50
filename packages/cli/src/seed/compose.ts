import { COMMENTS } from './corpus/comments.ts';
import { EN } from './corpus/en.ts';
import type { LanguageCorpus, ThemeCorpus } from './corpus/types.ts';
import { ZH_CN } from './corpus/zh-cn.ts';
import { ZH_TW } from './corpus/zh-tw.ts';
import type { Language, Persona, Theme } from './personas.ts';
import type { Rng } from './random.ts';
import { BODY_MAX_CHARS, titleFits } from './title.ts';

export const CORPORA: Record<Language, LanguageCorpus> = { 'zh-TW': ZH_TW, 'zh-CN': ZH_CN, en: EN };

export interface ComposedNote {
  title: string;
  body: string;
  topics: string[];
}

/** The theme a persona writes about in its language, falling back to its main one. */
export function themeCorpus(persona: Persona, theme: Theme): ThemeCorpus {
  const themes = CORPORA[persona.language].themes;
  const found = themes[theme] ?? persona.themes.map((t) => themes[t]).find((t) => t !== undefined);
  if (!found) throw new Error(`no corpus for ${persona.handle} (${persona.language})`);
  return found;
}

/**
 * Fills `{slot}` placeholders. A slot keeps its first value within one note, so the dish in
 * the title is the dish in the body.
 */
class Filler {
  private readonly chosen = new Map<string, string>();
  constructor(
    private readonly rng: Rng,
    readonly sources: (Record<string, string[]> | undefined)[],
  ) {}

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const known = this.chosen.get(name);
      if (known !== undefined) return known;
      const options = this.sources.map((s) => s?.[name]).find((o) => o !== undefined && o.length > 0);
      if (!options) return whole;
      const value = this.rng.pick(options);
      this.chosen.set(name, value);
      return value;
    });
  }
}

/** Keeps titles distinct across the whole demo so no two notes read the same. */
export class NoteComposer {
  private readonly usedTitles = new Set<string>();

  /** A note by `persona` about `theme`; `mention` is a handle to name in the body, if any. */
  compose(rng: Rng, persona: Persona, theme: Theme, mention?: string): ComposedNote {
    const language = CORPORA[persona.language];
    const corpus = themeCorpus(persona, theme);
    const sources = [persona.slots, corpus.slots, language.slots];
    const filler = new Filler(rng, sources);
    const title = this.pickTitle(rng, corpus, filler, sources);
    const topics = pickTopics(rng, persona, theme, corpus);
    const paragraphs = [filler.fill(rng.pick(corpus.openers))];
    const details = rng.sample(corpus.details, rng.int(2, Math.min(4, corpus.details.length)));
    paragraphs.push(details.map((d) => filler.fill(d)).join(persona.language === 'en' ? ' ' : ''));
    if (rng.chance(0.6)) paragraphs.push(filler.fill(rng.pick(corpus.tips)));
    if (mention) paragraphs.push(rng.pick(language.mentionLines).replace('{mention}', `@${mention}`));
    paragraphs.push(filler.fill(rng.pick(corpus.closers)));
    const tags = `${rng.pick(language.topicLead)}${topics.map((t) => `#${t}`).join(' ')}`;
    const body = `${paragraphs.join('\n\n')}\n\n${tags}`.slice(0, BODY_MAX_CHARS);
    return { title, body, topics };
  }

  private pickTitle(rng: Rng, corpus: ThemeCorpus, filler: Filler, sources: Filler['sources']): string {
    let fallback = '';
    for (let attempt = 0; attempt < 16; attempt++) {
      // The first try shares the body's slot values; retries draw their own so they can differ.
      const template = rng.pick(corpus.titles);
      const candidate = attempt === 0 ? filler.fill(template) : new Filler(rng, sources).fill(template);
      if (!titleFits(candidate) || candidate.includes('{')) continue;
      fallback ||= candidate;
      if (!this.usedTitles.has(candidate)) {
        this.usedTitles.add(candidate);
        return candidate;
      }
    }
    return fallback || corpus.topics[0]!;
  }
}

function pickTopics(rng: Rng, persona: Persona, theme: Theme, corpus: ThemeCorpus): string[] {
  const topics = rng.sample(corpus.topics, rng.int(2, 3));
  // The surge's tag: every newcomer uses it, and old-timers use it when they welcome them.
  if ((theme === 'refugee' || persona.cohort === 'newcomer') && !topics.includes('TikTokRefugee')) {
    topics.unshift('TikTokRefugee');
  }
  return topics;
}

/** A comment by someone writing in `language` on a note of `theme` written in `noteLanguage`. */
export function composeComment(
  rng: Rng,
  language: Language,
  noteLanguage: Language,
  theme: Theme,
  mention?: string,
): string {
  const corpus = COMMENTS[language];
  if (mention && rng.chance(0.5)) return rng.pick(corpus.mentionReplies).replace('{mention}', `@${mention}`);
  // English meeting Chinese is the surge's conversation; Taiwan and the mainland read each other fine.
  const acrossTheSurge = (language === 'en') !== (noteLanguage === 'en');
  if (acrossTheSurge && rng.chance(0.7)) return rng.pick(corpus.crossLanguage);
  const themed = corpus.byTheme[theme];
  return themed && rng.chance(0.55) ? rng.pick(themed) : rng.pick(corpus.generic);
}

export function composeAuthorReply(rng: Rng, language: Language): string {
  return rng.pick(COMMENTS[language].authorReplies);
}
