import { describe, expect, it } from 'vitest';
import { checkProgram } from './check.ts';
import { catalogOf } from './codec.ts';
import { CUBE_PROGRAM } from './cube-program.ts';
import type { ProgramSettings } from './types.ts';

describe('the rounding setting', () => {
  it('is transaction for CUBE, and anything but transaction or line is refused', () => {
    expect(CUBE_PROGRAM.settings.rounding).toBe('transaction');
    const line = { ...CUBE_PROGRAM, settings: { ...CUBE_PROGRAM.settings, rounding: 'line' as const } };
    expect(checkProgram(line)).toEqual([]);
    const settings = { ...CUBE_PROGRAM.settings, rounding: 'half-even' } as unknown as ProgramSettings;
    expect(checkProgram({ ...CUBE_PROGRAM, settings })).toEqual([
      {
        field: '/settings/rounding',
        code: 'not_allowed',
        params: { allowed: 'transaction, line' },
        message: "must be 'transaction' or 'line'",
      },
    ]);
  });

  it('reads settings stored before it existed as transaction rounding, and a stored choice as stored', () => {
    const { rounding: _dropped, ...before } = CUBE_PROGRAM.settings;
    const rows = (settings: object) => ({
      program: { id: 'cube', names: '{}', settings: JSON.stringify(settings), revision: 1, updated_at: 0 },
      plans: [],
      versions: [],
      shelf: [],
    });
    expect(catalogOf(rows(before), CUBE_PROGRAM.settings.businessCalendar).settings.rounding).toBe(
      'transaction',
    );
    expect(
      catalogOf(rows({ ...before, rounding: 'line' }), CUBE_PROGRAM.settings.businessCalendar).settings
        .rounding,
    ).toBe('line');
  });
});
