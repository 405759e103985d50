import { createLogger } from '@plaza/kernel';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleMediaSweep } from './sweep.ts';

describe('the media sweep timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps every interval, skips a turn while one is still running, and stops', async () => {
    let calls = 0;
    let finish: () => void = () => {};
    const sweep = () => {
      calls += 1;
      return new Promise<number>((resolve) => {
        finish = () => resolve(1);
      });
    };
    const stop = scheduleMediaSweep(sweep, 60_000, createLogger('silent'));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    // Still running: the next turn is skipped.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    finish();
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toBe(2);
  });

  it('keeps going after a failed sweep', async () => {
    let calls = 0;
    const stop = scheduleMediaSweep(
      async () => {
        calls += 1;
        throw new Error('database away');
      },
      1_000,
      createLogger('silent'),
    );
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toBe(3);
    stop();
  });
});
