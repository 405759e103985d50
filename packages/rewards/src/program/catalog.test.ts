import { describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { type CatalogVersion, effectiveWindow, firstOfferedAt, isLocked, versionState } from './catalog.ts';

function version(schedule: CatalogVersion['schedule']): CatalogVersion {
  return {
    id: 'v',
    planId: 'p',
    names: { 'zh-TW': '方案', en: 'Plan' },
    validFrom: '2026-07-01',
    validTo: '2026-12-31',
    eligibility: { kind: 'everyone' },
    channels: [],
    caps: [],
    schedule,
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('the shelf cut of a version’s window', () => {
  it('a version on the shelf before its window starts judges its whole window, offered from its first day', () => {
    const v = version({ onShelfAt: taipeiInstant('2026-06-20', '15:00'), offShelfAt: null });
    expect(effectiveWindow(v)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(firstOfferedAt(v)).toBe(taipeiInstant('2026-07-01'));
    expect(versionState(v, taipeiInstant('2026-06-30', '23:59'))).toBe('scheduled');
    expect(isLocked(v, taipeiInstant('2026-06-30', '23:59'))).toBe(false);
    expect(versionState(v, taipeiInstant('2026-07-01'))).toBe('on_shelf');
    expect(isLocked(v, taipeiInstant('2026-07-01'))).toBe(true);
  });

  it('shelved mid-day, it judges that whole day (like a switch applying from 00:00) but is offered from the instant', () => {
    const v = version({ onShelfAt: taipeiInstant('2026-08-03', '10:00'), offShelfAt: null });
    expect(effectiveWindow(v)).toEqual({ from: '2026-08-03', to: '2026-12-31' });
    expect(firstOfferedAt(v)).toBe(taipeiInstant('2026-08-03', '10:00'));
  });

  it('a withdrawal at midnight ends the day before; mid-day it ends that day', () => {
    const atMidnight = version({
      onShelfAt: taipeiInstant('2026-07-01'),
      offShelfAt: taipeiInstant('2026-10-01'),
    });
    expect(effectiveWindow(atMidnight)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    const midDay = version({
      onShelfAt: taipeiInstant('2026-07-01'),
      offShelfAt: taipeiInstant('2026-10-01', '12:00'),
    });
    expect(effectiveWindow(midDay)).toEqual({ from: '2026-07-01', to: '2026-10-01' });
    expect(versionState(midDay, taipeiInstant('2026-10-01', '12:00'))).toBe('withdrawn');
    expect(versionState(midDay, taipeiInstant('2026-10-01', '11:59'))).toBe('on_shelf');
  });

  it('a draft judges nothing; a cut that leaves no day judges nothing either', () => {
    expect(effectiveWindow(version(null))).toBeNull();
    expect(versionState(version(null), 0)).toBe('draft');
    const late = version({ onShelfAt: taipeiInstant('2027-01-01'), offShelfAt: null });
    expect(effectiveWindow(late)).toBeNull();
    expect(versionState(late, 0)).toBe('withdrawn');
    expect(
      versionState(
        version({ onShelfAt: taipeiInstant('2026-07-01'), offShelfAt: null }),
        taipeiInstant('2027-01-01'),
      ),
    ).toBe('ended');
  });
});
