import { describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { CUBE_SETTINGS } from '../program/cube-program.ts';
import { pointsAvailableOn } from './availability.ts';

// §1.3: points are credited 次二日, postponed on holidays; the calendar is program data.
describe('points availability', () => {
  it('is the 2nd business day after settlement: Thursday → Monday', () => {
    expect(pointsAvailableOn(CUBE_SETTINGS, taipeiInstant('2026-03-12', '10:00'))).toBe('2026-03-16');
  });

  it('counts the settlement date in Taipei: 23:30 Taipei is still that day', () => {
    expect(pointsAvailableOn(CUBE_SETTINGS, taipeiInstant('2026-03-10', '23:30'))).toBe('2026-03-12');
  });

  it('waits out the Lunar New Year holidays', () => {
    expect(pointsAvailableOn(CUBE_SETTINGS, taipeiInstant('2026-02-13', '10:00'))).toBe('2026-02-24');
  });

  it('skips an observed holiday (228 observed on Friday 2026-02-27)', () => {
    expect(pointsAvailableOn(CUBE_SETTINGS, taipeiInstant('2026-02-26', '10:00'))).toBe('2026-03-03');
  });
});
