import { describe, expect, it } from 'vitest';
import { addCapUsage, capKey } from './caps.ts';
import { cardState, earn, holding, transaction, withCaps } from './test-helpers.ts';

const SKM = { merchant: 'shin-kong-mitsukoshi', mcc: '5311' } as const;
const DINING_CAPPED = withCaps('dining-2026h1', [
  { id: 'dining-monthly', scope: { kind: 'plan' }, period: 'month', limitPoints: 500 },
]);

describe('caps', () => {
  it('a cap, once used, carries into the next transaction of the month and resets the next month', () => {
    const tx = transaction({ on: '2026-03-10', ...SKM, ntd: 20000 });
    const first = earn(DINING_CAPPED, holding('dining'), tx);
    expect(first.lines.map((l) => l.points)).toEqual([60, 500]); // bonus 540 cut to the 500 cap
    const used = addCapUsage({}, first.lines);
    const second = earn(
      DINING_CAPPED,
      holding('dining'),
      transaction({ on: '2026-03-20', ...SKM, ntd: 1000 }),
      cardState(),
      used,
    );
    expect(second.lines.map((l) => l.points)).toEqual([3, 0]);
    const april = earn(
      DINING_CAPPED,
      holding('dining'),
      transaction({ on: '2026-04-01', ...SKM, ntd: 1000 }),
      cardState(),
      used,
    );
    expect(april.lines.map((l) => l.points)).toEqual([3, 27]);
  });

  it('a channel cap binds only its channel, and a line granted nothing uses no cap', () => {
    const program = withCaps('dining-2026h1', [
      {
        id: 'delivery',
        scope: { kind: 'channel', channelId: 'dining.delivery' },
        period: 'month',
        limitPoints: 100,
      },
    ]);
    const store = earn(program, holding('dining'), transaction({ on: '2026-03-10', ...SKM, ntd: 5000 }));
    expect(store.lines.map((l) => l.points)).toEqual([15, 135]);
    const spent = earn(
      DINING_CAPPED,
      holding('dining'),
      transaction({ on: '2026-03-10', ...SKM, ntd: 1000 }),
      cardState(),
      { 'dining:dining-monthly@2026-03': 500 },
    );
    expect(spent.lines[1]).toMatchObject({ points: 0, capUse: [] });
  });

  it('shows what a cap withheld: NT$3,215 with 50 of cap left is 9.645 + 50 → 10 + 50, the cap took 87 − 50', () => {
    const [general, bonus] = earn(
      DINING_CAPPED,
      holding('dining'),
      transaction({ on: '2026-03-10', ...SKM, ntd: 3215 }),
      cardState(),
      { 'dining:dining-monthly@2026-03': 450 },
    ).lines;
    expect(general).toMatchObject({ points: 10, calc: { roundedPoints: 10 } });
    expect(bonus).toMatchObject({
      points: 50,
      calc: { exactPoints: '86.805', roundedPoints: 87 },
      cappedPoints: 37,
    });
  });

  it('keys a monthly cap by plan and Taipei month, a window cap by version', () => {
    const version = DINING_CAPPED.plans
      .find((p) => p.id === 'dining')!
      .versions.find((v) => v.id === 'dining-2026h1')!;
    const monthly = version.caps[0]!;
    expect(capKey(monthly, version, '2026-03-14')).toBe('dining:dining-monthly@2026-03');
    expect(capKey({ ...monthly, period: 'window' }, version, '2026-03-14')).toBe(
      'dining:dining-monthly@dining-2026h1',
    );
  });
});
