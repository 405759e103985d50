import { DEFAULT_TIMELINE_OPTIONS } from '../../packages/community/src/feed/timeline.ts';
import type { Csr, Notes } from './fixture.ts';

/** Each account's home timeline rows, newest first: note indexes `notes[offsets[a] .. offsets[a + 1])`. */
export interface Timelines {
  offsets: Int32Array;
  notes: Int32Array;
}

/** Followers of each account, the reverse of the follow lists. */
function followersOf(follows: Csr, accounts: number): Int32Array[] {
  const counts = new Int32Array(accounts);
  for (const followee of follows.targets) counts[followee]! += 1;
  const lists = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(accounts);
  for (let follower = 0; follower < accounts; follower += 1) {
    for (let k = follows.offsets[follower]!; k < follows.offsets[follower + 1]!; k += 1) {
      const followee = follows.targets[k]!;
      lists[followee]![filled[followee]!] = follower;
      filled[followee]! += 1;
    }
  }
  return lists;
}

/**
 * What the feed module's fan-out on write leaves behind once every note is published (the
 * follows all predate the notes): each published note in its author's timeline and in every
 * follower's, each timeline cut to the newest `capPerAccount` rows, the module's own cap.
 * Notes are indexed in creation order, so walking them backwards and stopping each account
 * at the cap yields exactly the newest rows. Two passes: count, then fill in place.
 */
export function buildTimelines(follows: Csr, notes: Pick<Notes, 'author' | 'published'>): Timelines {
  const cap = DEFAULT_TIMELINE_OPTIONS.capPerAccount;
  const accounts = follows.offsets.length - 1;
  const followers = followersOf(follows, accounts);
  const walk = (visit: (account: number, note: number) => void) => {
    const taken = new Int32Array(accounts);
    const deliver = (account: number, note: number) => {
      if (taken[account]! >= cap) return;
      taken[account]! += 1;
      visit(account, note);
    };
    for (let note = notes.author.length - 1; note >= 0; note -= 1) {
      if (!notes.published[note]) continue;
      const author = notes.author[note]!;
      deliver(author, note);
      for (const follower of followers[author]!) deliver(follower, note);
    }
  };
  const offsets = new Int32Array(accounts + 1);
  walk((account) => {
    offsets[account + 1]! += 1;
  });
  for (let a = 0; a < accounts; a += 1) offsets[a + 1]! += offsets[a]!;
  const rows = new Int32Array(offsets[accounts]!);
  const filled = offsets.slice(0, accounts);
  walk((account, note) => {
    rows[filled[account]!] = note;
    filled[account]! += 1;
  });
  return { offsets, notes: rows };
}
