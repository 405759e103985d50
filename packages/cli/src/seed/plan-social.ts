import { composeAuthorReply, composeComment } from './compose.ts';
import type { Language, Theme } from './personas.ts';
import type { PlannedAccount, PlannedBoard, PlannedNote, SeedEvent } from './plan.ts';
import type { Rng } from './random.ts';
import { DAY_MS, HOUR_MS, laterThan, MINUTE_MS } from './timing.ts';

type FollowEvent = Extract<SeedEvent, { kind: 'follow' }>;
type LikeEvent = Extract<SeedEvent, { kind: 'like' }>;
type CommentEvent = Extract<SeedEvent, { kind: 'comment' }>;
type CollectEvent = Extract<SeedEvent, { kind: 'collect' }>;

const COHORT_PULL = { creator: 5, regular: 2, newcomer: 1.5 } as const;

/** Up to `count` distinct items drawn with probability proportional to `weight`. */
function weightedSample<T>(rng: Rng, items: T[], count: number, weight: (item: T) => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const index = rng.weightedIndex(pool.map(weight));
    out.push(pool.splice(index, 1)[0]!);
  }
  return out;
}

/** Who follows whom: everyone follows the big creators; newcomers flock to the Chinese ones and to each other. */
export function planFollows(rng: Rng, accounts: PlannedAccount[], anchorMs: number): FollowEvent[] {
  const events: FollowEvent[] = [];
  for (const a of accounts) {
    const newcomer = a.persona.cohort === 'newcomer';
    const count = a.persona.cohort === 'creator' ? rng.int(5, 10) : rng.int(8, 14);
    const targets = weightedSample(
      rng,
      accounts.filter((b) => b !== a),
      count,
      (b) => {
        let w = COHORT_PULL[b.persona.cohort] * (b.persona.language === a.persona.language ? 2 : 1);
        if (newcomer && b.persona.cohort === 'creator' && b.persona.language !== 'en') w *= 2;
        if (newcomer && b.persona.cohort === 'newcomer') w *= 1.5;
        return w;
      },
    );
    for (const b of targets) {
      const start = Math.max(a.joinedAt, b.joinedAt) + 10 * MINUTE_MS;
      const mean = newcomer || b.persona.cohort === 'newcomer' ? 3 * HOUR_MS : 120 * DAY_MS;
      const at = laterThan(rng, start, mean, anchorMs);
      if (at !== undefined) events.push({ kind: 'follow', at, account: a.index, target: b.index });
    }
  }
  return events;
}

function likeCount(rng: Rng, author: PlannedAccount, note: PlannedNote): number {
  // The surge in numbers: a newcomer's hello outdraws a creator's careful review.
  if (author.persona.cohort === 'newcomer') return rng.int(8, 16);
  if (note.theme === 'refugee') return rng.int(4, 10);
  return author.persona.cohort === 'creator' ? rng.int(4, 11) : rng.int(2, 7);
}

export function planLikes(
  rng: Rng,
  accounts: PlannedAccount[],
  notes: PlannedNote[],
  follows: FollowEvent[],
  anchorMs: number,
): LikeEvent[] {
  const followers = new Map<number, Set<number>>();
  for (const f of follows) followers.set(f.target, (followers.get(f.target) ?? new Set()).add(f.account));
  const events: LikeEvent[] = [];
  for (const note of notes) {
    const author = accounts[note.author]!;
    const fans = followers.get(author.index) ?? new Set<number>();
    const liked = new Set<number>([author.index]);
    for (let i = likeCount(rng, author, note); i > 0; i--) {
      const at = laterThan(rng, note.at, 10 * HOUR_MS, anchorMs);
      if (at === undefined) break;
      const candidates = accounts.filter((a) => !liked.has(a.index) && a.joinedAt < at - MINUTE_MS);
      if (candidates.length === 0) continue;
      const [liker] = weightedSample(rng, candidates, 1, (a) => {
        const sameLanguage = a.persona.language === author.persona.language ? 1.5 : 1;
        const surge = note.theme === 'refugee' && a.persona.cohort === 'newcomer' ? 2 : 1;
        return (fans.has(a.index) ? 3 : 1) * sameLanguage * surge;
      });
      liked.add(liker!.index);
      events.push({ kind: 'like', at, account: liker!.index, note: note.index });
    }
  }
  return events;
}

/** Comments under notes, across languages when the surge brings strangers, and some answers by the author. */
export function planComments(
  rng: Rng,
  accounts: PlannedAccount[],
  notes: PlannedNote[],
  anchorMs: number,
): CommentEvent[] {
  const events: CommentEvent[] = [];
  for (const note of notes) {
    const author = accounts[note.author]!;
    const chance = author.persona.cohort === 'newcomer' || note.theme === 'refugee' ? 0.85 : 0.5;
    if (!rng.chance(chance)) continue;
    for (let i = rng.int(1, 4); i > 0; i--) {
      const at = laterThan(rng, note.at, 12 * HOUR_MS, anchorMs);
      if (at === undefined) break;
      const candidates = accounts.filter((a) => a !== author && a.joinedAt < at - MINUTE_MS);
      if (candidates.length === 0) continue;
      const commenter = rng.pick(candidates);
      const mention = rng.chance(0.08)
        ? rng.pick(candidates.filter((c) => c !== commenter)).persona.handle
        : undefined;
      const body = composeComment(
        rng,
        commenter.persona.language,
        author.persona.language,
        note.theme,
        mention,
      );
      const index = events.length;
      events.push({
        kind: 'comment',
        at,
        account: commenter.index,
        note: note.index,
        comment: index,
        parent: null,
        body,
      });
      const replyAt = rng.chance(0.4) ? laterThan(rng, at, 3 * HOUR_MS, anchorMs) : undefined;
      if (replyAt === undefined) continue;
      const reply = replyText(rng, author.persona.language, commenter.persona.language);
      events.push({
        kind: 'comment',
        at: replyAt,
        account: author.index,
        note: note.index,
        comment: index + 1,
        parent: index,
        body: reply,
      });
    }
  }
  return events;
}

function replyText(rng: Rng, authorLanguage: Language, commenterLanguage: Language): string {
  if ((authorLanguage === 'en') !== (commenterLanguage === 'en') && rng.chance(0.5))
    return composeComment(rng, authorLanguage, commenterLanguage, 'refugee');
  return composeAuthorReply(rng, authorLanguage);
}

interface BoardIdea {
  name: string;
  description: string;
  themes: Theme[] | 'any';
  private?: boolean;
}

const BOARD_IDEAS: Record<Language, BoardIdea[]> = {
  'zh-TW': [
    { name: '想吃清單', description: '看到就想衝的店', themes: ['food', 'coffee'] },
    { name: '旅行口袋名單', description: '', themes: ['travel', 'citywalk'] },
    { name: '穿搭靈感', description: '', themes: ['outfit', 'skincare'] },
    { name: '貓貓治癒', description: '心情不好就來看', themes: ['pets'] },
  ],
  'zh-CN': [
    { name: '待拔草', description: '下次去吃', themes: ['food', 'coffee'] },
    { name: '想去的地方', description: '', themes: ['travel', 'citywalk'] },
    { name: '减脂餐&训练', description: '', themes: ['fitness'] },
    { name: '装修灵感', description: '', themes: ['home', 'outfit'] },
  ],
  en: [
    {
      name: 'Foods to try',
      description: 'Everything I need to eat at least once',
      themes: ['food', 'coffee', 'refugee'],
    },
    { name: 'Chinese words', description: '', themes: ['refugee', 'study'] },
    { name: 'Cats!!', description: '', themes: ['pets'] },
    { name: 'Trip ideas', description: '', themes: ['travel', 'citywalk'] },
  ],
};

const PRIVATE_BOARD: BoardIdea = {
  name: '私藏清單',
  description: '只給自己看的',
  themes: 'any',
  private: true,
};

/** Boards (named collections) and what goes into them; exactly one is private. */
export function planBoards(rng: Rng, accounts: PlannedAccount[], notes: PlannedNote[], anchorMs: number) {
  const boards: PlannedBoard[] = [];
  const collects: CollectEvent[] = [];
  const owners = rng.sample(accounts, 16);
  const privateOwner = owners.find((o) => o.persona.language === 'zh-TW');
  for (const owner of owners) {
    const ideas = rng.sample(BOARD_IDEAS[owner.persona.language], rng.int(1, 2));
    if (owner === privateOwner) ideas.push(PRIVATE_BOARD);
    for (const idea of ideas) {
      const board: PlannedBoard = {
        index: boards.length,
        owner: owner.index,
        name: idea.name,
        description: idea.description,
        private: idea.private ?? false,
      };
      const fits = notes.filter(
        (n) => n.author !== owner.index && (idea.themes === 'any' || idea.themes.includes(n.theme)),
      );
      const picked = rng.sample(fits, rng.int(3, 8));
      let added = 0;
      for (const note of picked) {
        const at = laterThan(rng, Math.max(note.at, owner.joinedAt + MINUTE_MS), 2 * DAY_MS, anchorMs);
        if (at === undefined) continue;
        collects.push({ kind: 'collect', at, account: owner.index, note: note.index, board: board.index });
        added += 1;
      }
      if (added > 0) boards.push(board);
    }
  }
  return { boards, collects };
}
