import { ValidationError } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { CRASH_AFTER_BATCHES_ENV, crashAfterBatches } from './crash-hook.ts';

describe('the import crash hook', () => {
  it('is off unless the variable holds a whole number ≥ 1, and refuses anything else', () => {
    expect(crashAfterBatches({})).toBeNull();
    expect(crashAfterBatches({ [CRASH_AFTER_BATCHES_ENV]: '' })).toBeNull();
    expect(crashAfterBatches({ [CRASH_AFTER_BATCHES_ENV]: '75' })).toBe(75);
    for (const bad of ['0', '-1', '2.5', 'x'])
      expect(() => crashAfterBatches({ [CRASH_AFTER_BATCHES_ENV]: bad })).toThrow(ValidationError);
  });
});
