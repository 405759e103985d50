import { describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { checkProgram } from './check.ts';
import { CUBE_PROGRAM } from './cube-program.ts';
import { planVersionAt } from './lookup.ts';
import type { Program } from './types.ts';

function editVersion(edit: (v: Program['plans'][number]['versions'][number]) => object): Program {
  const [first, ...rest] = CUBE_PROGRAM.plans;
  const [version, ...others] = first!.versions;
  return {
    ...CUBE_PROGRAM,
    plans: [{ ...first!, versions: [{ ...version!, ...edit(version!) }, ...others] }, ...rest],
  };
}

describe('the default CUBE program', () => {
  it('passes its own checks', () => {
    expect(checkProgram(CUBE_PROGRAM)).toEqual([]);
  });

  it('seeds a flat-3% 2024 version and level-based current versions of the main plans', () => {
    for (const planId of ['digital', 'dining', 'travel']) {
      const old = planVersionAt(CUBE_PROGRAM, planId, taipeiInstant('2024-06-01'));
      const now = planVersionAt(CUBE_PROGRAM, planId, taipeiInstant('2026-11-01'));
      expect(old?.channels.every((c) => c.rate.kind === 'flat' && c.rate.bps === 300)).toBe(true);
      expect(now?.channels.every((c) => c.rate.kind === 'by_level' && c.rate.bps[3] === 330)).toBe(true);
    }
    const everyday = planVersionAt(CUBE_PROGRAM, 'everyday', taipeiInstant('2026-11-01'));
    expect(everyday?.channels.every((c) => c.rate.kind === 'flat' && c.rate.bps === 200)).toBe(true);
  });

  it('has no version outside a window and none for an unknown plan', () => {
    expect(planVersionAt(CUBE_PROGRAM, 'birthday', taipeiInstant('2025-10-01'))).toBeUndefined();
    expect(planVersionAt(CUBE_PROGRAM, 'no-such-plan', taipeiInstant('2026-01-01'))).toBeUndefined();
  });
});

describe('checkProgram', () => {
  it('finds overlapping windows', () => {
    const issues = checkProgram(editVersion(() => ({ validTo: '2025-03-01' })));
    expect(issues.map((i) => i.message)).toContain('digital-2024 overlaps digital-2025');
  });

  it('finds a channel below the general rate, an empty rule and a cap on a missing channel', () => {
    const broken = editVersion((v) => ({
      channels: [{ ...v.channels[0]!, rate: { kind: 'flat', bps: 10 }, rules: [{}] }],
      caps: [{ id: 'c', scope: { kind: 'channel', channelId: 'nope' }, period: 'month', limitPoints: 5 }],
    }));
    const fields = checkProgram(broken).map((i) => i.field);
    expect(fields).toEqual([
      '/plans/0/versions/0/channels/0/rate',
      '/plans/0/versions/0/channels/0/rules/0',
      '/plans/0/versions/0/caps/0/scope',
    ]);
  });
});
