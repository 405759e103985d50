import { PERSONAS } from './cast.ts';
import { NoteComposer } from './compose.ts';
import { type ImageSpec, pickScene } from './images/render.ts';
import type { Persona, Theme } from './personas.ts';
import { planBoards, planComments, planFollows, planLikes } from './plan-social.ts';
import { Rng } from './random.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './timing.ts';

export interface SeedOptions {
  /** Multiplies every persona's note count (at least one note each); 1 gives the full demo. */
  scale: number;
  imageWidth: number;
  imageHeight: number;
  avatarSize: number;
}

// 3:4 portrait like RedNote's photos. 540×720 rather than 600×800: feed cards show the
// 360-wide thumbnail either way, and drawing plus upload processing cost 11 ms less CPU per
// picture (≈ 6 s of the first start's seed; docs/benchmarks.md, "First start").
export const DEFAULT_SEED_OPTIONS: SeedOptions = {
  scale: 1,
  imageWidth: 540,
  imageHeight: 720,
  avatarSize: 320,
};

export interface PlannedAccount {
  index: number;
  persona: Persona;
  joinedAt: number;
  avatar: ImageSpec;
}

export interface PlannedNote {
  index: number;
  author: number;
  at: number;
  theme: Theme;
  title: string;
  body: string;
  topics: string[];
  images: ImageSpec[];
}

export interface PlannedBoard {
  index: number;
  owner: number;
  name: string;
  description: string;
  private: boolean;
}

export type SeedEvent =
  | { kind: 'join'; at: number; account: number }
  | { kind: 'note'; at: number; note: number }
  | { kind: 'follow'; at: number; account: number; target: number }
  | { kind: 'like'; at: number; account: number; note: number }
  | {
      kind: 'comment';
      at: number;
      account: number;
      note: number;
      comment: number;
      parent: number | null;
      body: string;
    }
  | { kind: 'collect'; at: number; account: number; note: number; board: number };

export interface SeedPlan {
  anchorMs: number;
  accounts: PlannedAccount[];
  notes: PlannedNote[];
  boards: PlannedBoard[];
  /** In time order: the seeder replays them one by one with the clock moved to each `at`. */
  events: SeedEvent[];
}

const KIND_ORDER: Record<SeedEvent['kind'], number> = {
  join: 0,
  note: 1,
  follow: 2,
  like: 3,
  comment: 4,
  collect: 5,
};

/**
 * The whole demo community as data, before anything is written. Pure and deterministic:
 * the same anchor time and options always give the same plan.
 */
export function buildPlan(anchorMs: number, options: SeedOptions = DEFAULT_SEED_OPTIONS): SeedPlan {
  const rng = new Rng('plaza-demo');
  const accounts = PERSONAS.map((persona, index) =>
    planAccount(rng.fork(`account:${persona.handle}`), persona, index, anchorMs),
  );
  const notes = planNotes(rng, accounts, anchorMs, options.scale);
  const follows = planFollows(rng.fork('follows'), accounts, anchorMs);
  const likes = planLikes(rng.fork('likes'), accounts, notes, follows, anchorMs);
  const comments = planComments(rng.fork('comments'), accounts, notes, anchorMs);
  const { boards, collects } = planBoards(rng.fork('boards'), accounts, notes, anchorMs);
  const events: SeedEvent[] = [
    ...accounts.map((a) => ({ kind: 'join' as const, at: a.joinedAt, account: a.index })),
    ...notes.map((n) => ({ kind: 'note' as const, at: n.at, note: n.index })),
    ...follows,
    ...likes,
    ...comments,
    ...collects,
  ];
  events.sort((a, b) => a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { anchorMs, accounts, notes, boards, events };
}

function planAccount(rng: Rng, persona: Persona, index: number, anchorMs: number): PlannedAccount {
  const joinedAt = Math.round(anchorMs - persona.joinedDaysAgo * DAY_MS - rng.range(0, 3 * HOUR_MS));
  return {
    index,
    persona,
    joinedAt,
    avatar: { scene: pickScene(rng, persona.themes[0]!), seed: rng.int(1, 2 ** 31) },
  };
}

// Most notes carry one or two photos; a few are small albums.
const IMAGE_COUNT_WEIGHTS = [60, 26, 9, 5];

function planNotes(rng: Rng, accounts: PlannedAccount[], anchorMs: number, scale: number): PlannedNote[] {
  const composer = new NoteComposer();
  const notes: PlannedNote[] = [];
  for (const account of accounts) {
    const own = rng.fork(`notes:${account.persona.handle}`);
    const count = Math.max(1, Math.round(account.persona.notes * scale));
    for (const { at, theme } of noteSlots(own, account, count, anchorMs)) {
      const mention = pickMention(own, accounts, account, at);
      const images = Array.from({ length: own.weightedIndex(IMAGE_COUNT_WEIGHTS) + 1 }, () => ({
        scene: pickScene(own, theme),
        seed: own.int(1, 2 ** 31),
      }));
      const text = composer.compose(own, account.persona, theme, mention);
      notes.push({ index: notes.length, author: account.index, at, theme, images, ...text });
    }
  }
  return notes;
}

/** When each note is written and what about: newcomers open with a hello, old-timers welcome them. */
function noteSlots(
  rng: Rng,
  account: PlannedAccount,
  count: number,
  anchorMs: number,
): { at: number; theme: Theme }[] {
  const { persona, joinedAt } = account;
  const latest = anchorMs - 20 * MINUTE_MS;
  const surgeStart = Math.max(anchorMs - 2 * DAY_MS, joinedAt + 15 * MINUTE_MS);
  const surgeTime = () => Math.round(rng.range(surgeStart, latest));
  const everyday = persona.themes.filter((t) => t !== 'refugee');
  const dailyTheme = (): Theme =>
    everyday.length === 0 || rng.chance(0.45) ? persona.themes[0]! : rng.pick(everyday);
  if (persona.cohort === 'newcomer') {
    const times = Array.from({ length: count }, surgeTime).sort((a, b) => a - b);
    return times.map((at, i) => ({
      at,
      theme: i === 0 ? 'refugee' : rng.chance(0.3) ? 'refugee' : dailyTheme(),
    }));
  }
  // A Chinese teacher greets the newcomers a lot; other old-timers now and then.
  const share = persona.themes[0] === 'refugee' ? 0.4 : persona.themes.includes('refugee') ? 0.12 : 0;
  const welcomes = share > 0 ? Math.min(count, Math.max(1, Math.round(count * share))) : 0;
  const slots: { at: number; theme: Theme }[] = [];
  for (let i = 0; i < count; i++) {
    if (i < welcomes) {
      slots.push({ at: surgeTime(), theme: 'refugee' });
      continue;
    }
    const roll = rng.next();
    const daysAgo = roll < 0.45 ? rng.range(0.1, 10) : roll < 0.8 ? rng.range(10, 45) : rng.range(45, 240);
    const at = Math.max(joinedAt + DAY_MS, Math.round(anchorMs - daysAgo * DAY_MS));
    slots.push({
      at: Math.min(at, latest),
      theme: persona.themes[0] === 'refugee' ? rng.pick(everyday) : dailyTheme(),
    });
  }
  return slots;
}

function pickMention(
  rng: Rng,
  accounts: PlannedAccount[],
  author: PlannedAccount,
  at: number,
): string | undefined {
  if (!rng.chance(0.12)) return undefined;
  const known = accounts.filter((a) => a !== author && a.joinedAt < at - HOUR_MS);
  const sameLanguage = known.filter((a) => a.persona.language === author.persona.language);
  const pool = sameLanguage.length > 0 && rng.chance(0.7) ? sameLanguage : known;
  return pool.length > 0 ? rng.pick(pool).persona.handle : undefined;
}
