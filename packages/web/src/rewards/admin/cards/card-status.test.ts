import { describe, expect, it } from 'vitest';
import type { FlagDecision } from '../../api/admin-card-types.ts';
import type { CatalogView } from '../../api/admin-types.ts';
import { currentFlags, flagRuns, flagsInProgram } from './card-status.ts';

const decision = (
  flag: string,
  action: 'grant' | 'revoke',
  effectiveFrom: string,
  at: number,
): FlagDecision => ({
  flag,
  action,
  effectiveFrom,
  byAccountId: null,
  at,
});

describe('flag runs from the decisions', () => {
  it('a grant opens a run and a later revoke closes it; a second grant opens another', () => {
    const runs = flagRuns([
      decision('kids', 'grant', '2026-04-01', 1),
      decision('kids', 'revoke', '2026-07-01', 2),
      decision('kids', 'grant', '2026-09-01', 3),
    ]);
    expect(runs).toEqual([
      { flag: 'kids', from: '2026-04-01', until: '2026-07-01' },
      { flag: 'kids', from: '2026-09-01', until: null },
    ]);
  });

  it('for one date the later decision wins: a grant cleared before it counts leaves no run', () => {
    expect(
      flagRuns([decision('kids', 'grant', '2026-04-01', 1), decision('kids', 'revoke', '2026-04-01', 2)]),
    ).toEqual([]);
  });

  it('keeps flags apart and reads decisions in any order of dates', () => {
    const runs = flagRuns([
      decision('kids', 'revoke', '2026-06-01', 2),
      decision('staff', 'grant', '2026-05-01', 3),
      decision('kids', 'grant', '2026-04-01', 1),
    ]);
    expect(runs).toEqual([
      { flag: 'kids', from: '2026-04-01', until: '2026-06-01' },
      { flag: 'staff', from: '2026-05-01', until: null },
    ]);
  });
});

describe('the flags a card holds', () => {
  it('are the ones the server lists, each with the end a decided clearing gives it', () => {
    const card = {
      flags: [{ flag: 'kids', from: '2026-04-01' }],
      flagHistory: [
        decision('staff', 'grant', '2026-01-01', 1),
        decision('staff', 'revoke', '2026-02-01', 2),
        decision('kids', 'grant', '2026-04-01', 3),
        decision('kids', 'revoke', '2026-06-01', 4),
      ],
    };
    expect(currentFlags(card)).toEqual([{ flag: 'kids', from: '2026-04-01', until: '2026-06-01' }]);
  });
});

describe('flags the program asks for', () => {
  it('lists each eligibility flag once, sorted', () => {
    const version = (flag?: string) => ({
      eligibility: flag ? { kind: 'flag', flag } : { kind: 'everyone' },
    });
    const catalog = {
      plans: [{ versions: [version('kids'), version()] }, { versions: [version('kids'), version('alumni')] }],
    } as unknown as CatalogView; // only the fields the function reads
    expect(flagsInProgram(catalog)).toEqual(['alumni', 'kids']);
    expect(flagsInProgram(undefined)).toEqual([]);
  });
});
