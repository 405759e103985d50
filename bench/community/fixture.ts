import { createIdGenerator, type Language, ManualClock } from '@plaza/kernel';
import { newToken } from '../../packages/kernel/src/auth/tokens.ts';
import { persona } from './corpus.ts';
import { createRandom, permutation, type Random } from './random.ts';
import { type PreparedText, prepareTexts, SCRIPT_OF } from './texts.ts';
import { buildTimelines, type Timelines } from './timeline.ts';

/**
 * The benchmark's data set, generated in memory once per run (the same for SQLite and
 * PostgreSQL), with the shape of a community: follows skewed so a few accounts are followed
 * by most, prolific accounts among the popular ones, likes skewed the same way.
 */
export interface FixtureOptions {
  accounts: number;
  notes: number;
  sessions: number;
  seed: number;
  /** Media rows per account; a note shows one or two of its author's. */
  mediaPerAccount: number;
}

export interface Accounts {
  ids: string[];
  handles: string[];
  languages: Language[];
  createdAt: Float64Array;
  /** Null: the account never edited its profile (no row). */
  displayNames: (string | null)[];
  bios: string[];
  /** Ids of each account's uploads, `mediaPerAccount` per account. */
  mediaIds: string[][];
  /** True when the profile's avatar is the account's first upload. */
  hasAvatar: Uint8Array;
}

/** Compressed rows: entries of row `i` are `targets[offsets[i] .. offsets[i + 1])`. */
export interface Csr {
  offsets: Int32Array;
  targets: Int32Array;
  at: Float64Array;
}

export interface Notes {
  ids: string[];
  author: Int32Array;
  createdAt: Float64Array;
  text: PreparedText[];
  published: Uint8Array;
  /** 1 or 2: how many of the author's uploads the note shows. */
  imageCount: Uint8Array;
  likes: Csr;
}

export interface Fixture {
  nowMs: number;
  accounts: Accounts;
  follows: Csr;
  notes: Notes;
  timelines: Timelines;
  sessions: { account: number; token: string; tokenHash: string }[];
}

const DAY = 86_400_000;
// One distinct text per this many notes (see texts.ts); at least a few thousand per script.
const NOTES_PER_TEXT = 8;
const TEXTS_MIN = 2_000;

/** Ids whose UUIDv7 time is the row's created_at, as the services' generator makes them. */
function idsAt(times: ArrayLike<number>): string[] {
  const clock = new ManualClock();
  const ids = createIdGenerator(clock);
  return Array.from(times, (t) => {
    clock.set(t);
    return ids.next();
  });
}

function spread(n: number, fromMs: number, toMs: number, random: Random): Float64Array {
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) times[i] = Math.floor(fromMs + random.next() * (toMs - fromMs));
  return times.sort();
}

function languageOf(random: Random): Language {
  const u = random.next();
  return u < 0.45 ? 'zh-TW' : u < 0.7 ? 'zh-CN' : 'en';
}

function buildAccounts(options: FixtureOptions, nowMs: number, random: Random): Accounts {
  const n = options.accounts;
  const createdAt = spread(n, nowMs - 150 * DAY, nowMs - 31 * DAY, random);
  const accounts: Accounts = {
    ids: idsAt(createdAt),
    handles: [],
    languages: [],
    createdAt,
    displayNames: [],
    bios: [],
    mediaIds: [],
    hasAvatar: new Uint8Array(n),
  };
  const mediaTimes: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const language = languageOf(random);
    const who = persona(SCRIPT_OF[language], i, random);
    const edited = random.chance(0.75);
    accounts.handles.push(who.handle);
    accounts.languages.push(language);
    accounts.displayNames.push(edited ? who.displayName : null);
    accounts.bios.push(edited ? who.bio : '');
    accounts.hasAvatar[i] = edited && random.chance(0.5) ? 1 : 0;
    for (let m = 0; m < options.mediaPerAccount; m += 1) mediaTimes.push(createdAt[i]! + 60_000 * (m + 1));
  }
  const mediaIds = idsAt(mediaTimes);
  for (let i = 0; i < n; i += 1) {
    accounts.mediaIds.push(mediaIds.slice(i * options.mediaPerAccount, (i + 1) * options.mediaPerAccount));
  }
  return accounts;
}

/** Each account follows 50–200 others: 70% drawn by popularity rank (skew 3), 30% at random. */
function buildFollows(
  accounts: Accounts,
  rankToAccount: Int32Array,
  notesStart: number,
  random: Random,
): Csr {
  const n = accounts.ids.length;
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const at: number[] = [];
  for (let follower = 0; follower < n; follower += 1) {
    const wanted = Math.min(n - 1, random.between(50, 200));
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < wanted && attempt < wanted * 50; attempt += 1) {
      const followee = random.chance(0.7) ? rankToAccount[random.skewed(n, 3)]! : random.int(n);
      if (followee !== follower) chosen.add(followee);
    }
    for (const followee of [...chosen].sort((a, b) => a - b)) {
      const from = Math.max(accounts.createdAt[follower]!, accounts.createdAt[followee]!);
      targets.push(followee);
      at.push(Math.floor(from + random.next() * (notesStart - from)));
    }
    offsets[follower + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), at: Float64Array.from(at) };
}

/** Likes per note: exponential with mean 4, six times that for the top 1% of accounts. */
function buildLikes(
  notes: Omit<Notes, 'likes'>,
  accountRank: Int32Array,
  nowMs: number,
  random: Random,
): Csr {
  const n = accountRank.length;
  const offsets = new Int32Array(notes.ids.length + 1);
  const targets: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < notes.ids.length; i += 1) {
    if (notes.published[i]) {
      const author = notes.author[i]!;
      const mean = accountRank[author]! < n / 100 ? 24 : 4;
      const count = Math.min(n - 1, 1_000, Math.floor(-Math.log(1 - random.next()) * mean));
      const likers = new Set<number>();
      while (likers.size < count) {
        const liker = random.int(n);
        if (liker !== author) likers.add(liker);
      }
      const created = notes.createdAt[i]!;
      for (const liker of likers) {
        targets.push(liker);
        at.push(Math.floor(created + random.next() * (nowMs - created)));
      }
    }
    offsets[i + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), at: Float64Array.from(at) };
}

function buildNotes(
  options: FixtureOptions,
  accounts: Accounts,
  rankToAccount: Int32Array,
  nowMs: number,
  random: Random,
): Omit<Notes, 'likes'> {
  const n = options.notes;
  const createdAt = spread(n, nowMs - 30 * DAY, nowMs - 60_000, random);
  const pool = prepareTexts(Math.max(TEXTS_MIN, Math.ceil(n / NOTES_PER_TEXT / 3)), random);
  const author = new Int32Array(n);
  const published = new Uint8Array(n);
  const imageCount = new Uint8Array(n);
  const text: PreparedText[] = [];
  for (let i = 0; i < n; i += 1) {
    // Prolific writers are mostly popular ones: 60% of notes by popularity rank (skew 2).
    const writer = random.chance(0.6)
      ? rankToAccount[random.skewed(accounts.ids.length, 2)]!
      : random.int(accounts.ids.length);
    author[i] = writer;
    const texts = pool[SCRIPT_OF[accounts.languages[writer]!]];
    text.push(texts[random.int(texts.length)]!);
    published[i] = random.chance(0.99) ? 1 : 0;
    imageCount[i] = Math.min(options.mediaPerAccount, random.chance(0.6) ? 2 : 1);
  }
  return { ids: idsAt(createdAt), author, createdAt, text, published, imageCount };
}

export function buildFixture(options: FixtureOptions): Fixture {
  const random = createRandom(options.seed);
  const nowMs = Date.now();
  const accounts = buildAccounts(options, nowMs, random);
  const n = accounts.ids.length;
  const rankToAccount = permutation(n, random);
  const accountRank = new Int32Array(n);
  rankToAccount.forEach((account, rank) => {
    accountRank[account] = rank;
  });
  const follows = buildFollows(accounts, rankToAccount, nowMs - 30 * DAY, random);
  const base = buildNotes(options, accounts, rankToAccount, nowMs, random);
  const notes: Notes = { ...base, likes: buildLikes(base, accountRank, nowMs, random) };
  const sessionAccounts = permutation(n, random).slice(0, Math.min(n, options.sessions));
  return {
    nowMs,
    accounts,
    follows,
    notes,
    timelines: buildTimelines(follows, notes),
    sessions: Array.from(sessionAccounts, (account) => ({ account, ...newToken() })),
  };
}

/** The community the suite's `--accounts --notes --sessions --seed` flags describe (2 uploads per account). */
export function fixtureFromFlags(values: {
  accounts?: string;
  notes?: string;
  sessions?: string;
  seed?: string;
}): Fixture {
  return buildFixture({
    accounts: Number(values.accounts),
    notes: Number(values.notes),
    sessions: Number(values.sessions),
    seed: Number(values.seed),
    mediaPerAccount: 2,
  });
}
