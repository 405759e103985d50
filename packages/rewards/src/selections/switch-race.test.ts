import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { StatementCounter } from '../cards/statement-counter.ts';
import { createCardsStore, type RewardsCardTables } from '../cards/store.ts';
import { AlreadySwitchedTodayError, SupplementaryFollowsPrimaryError } from './errors.ts';
import { createSelectionsService } from './service.ts';
import { putPlan } from './test-requests.ts';

describe.each(testDatabases())('switches at the same moment ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-03-01', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  const put = (token: string, cardId: string, planId: string, headers: Record<string, string> = {}) =>
    putPlan(bed, token, cardId, planId, headers);

  it('six requests for one card on one day: exactly one changes the plan, the others are told why', async () => {
    const holder = await bed.holder('racer');
    bed.at('2026-03-10', '10:00');
    const card = await bed.issue(holder.handle);
    const plans = ['digital', 'travel', 'dining', 'everyday', 'travel', 'digital'];
    const answers = await Promise.all(plans.map((plan) => put(holder.token, card.id, plan)));
    const changed = answers.filter((a) => a.statusCode === 200 && a.json().changed === true);
    expect(changed).toHaveLength(1);
    const winner = changed[0]?.json().planId as string;
    answers.forEach((answer, i) => {
      if (plans[i] === winner) expect(answer.statusCode, answer.body).toBe(200);
      else expect(answer.json()).toMatchObject({ status: 409, code: 'already_switched_today' });
    });
    const history = await bed.services.selections.history(card.id);
    expect(history.map((s) => s.planId)).toEqual([winner]);
  });

  it('switches of many cards share one statement, and each gets its own answer', async () => {
    bed.at('2026-03-11', '10:00');
    const holders = await Promise.all([1, 2, 3, 4, 5].map(() => bed.holder('batch')));
    const cards = await Promise.all(holders.map((h) => bed.issue(h.handle)));
    const supplementary = await bed.issue(holders[0]?.handle ?? '', { primaryCardId: cards[0]?.id });
    const counter = new StatementCounter();
    const store = createCardsStore(tables<RewardsCardTables>(bed.server.platform).withPlugin(counter));
    const { programs, profiles } = bed.services;
    const selections = createSelectionsService({
      store,
      programs,
      profiles,
      batchLimits: { maxBatch: 50, maxInFlight: 1, maxQueued: 50 },
    });
    const now = bed.server.clock.nowMs();
    const ids = cards.map((c) => c.id);
    const outcomes = await Promise.allSettled([
      ...ids.map((id) => selections.switchPlan(id, 'travel', now)),
      // Not the holder of that card: the same statement must not write it.
      selections.switchPlan(ids[1] ?? '', 'dining', now, { holderAccountId: holders[0]?.id ?? '' }),
      selections.switchPlan(supplementary.id, 'dining', now),
      // The same card twice in one moment: a later batch, refused by the first.
      selections.switchPlan(ids[2] ?? '', 'dining', now),
    ]);
    // The first goes alone, the rest that arrived meanwhile in one statement, and the second asks
    // for cards already in that one in a third.
    expect(counter.byKind.get('InsertQueryNode')).toBe(3);
    const values = outcomes.slice(0, 5).map((o) => (o.status === 'fulfilled' ? o.value.changed : o.reason));
    expect(values).toEqual([true, true, true, true, true]);
    const [stranger, follower, second] = outcomes.slice(5).map((o) => (o as PromiseRejectedResult).reason);
    expect(stranger).toMatchObject({ status: 404 });
    expect(follower).toBeInstanceOf(SupplementaryFollowsPrimaryError);
    expect(second).toBeInstanceOf(AlreadySwitchedTodayError);
    for (const id of ids)
      expect((await bed.services.selections.history(id)).map((s) => s.planId)).toEqual(['travel']);
  });

  it('a retried switch with the same Idempotency-Key gets the first answer again', async () => {
    const holder = await bed.holder('retry');
    bed.at('2026-03-12', '10:00');
    const card = await bed.issue(holder.handle);
    const key = { 'idempotency-key': 'switch-2026-03-12' };
    const first = await put(holder.token, card.id, 'dining', key);
    expect(first.json()).toMatchObject({ planId: 'dining', changed: true });
    const retried = await put(holder.token, card.id, 'dining', key);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(first.json());
    // Without the key, asking again is not a second change either.
    expect((await put(holder.token, card.id, 'dining')).json()).toMatchObject({ changed: false });
    expect(await bed.services.selections.history(card.id)).toHaveLength(1);
  });
});
