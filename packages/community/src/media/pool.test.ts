import { toProblem } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { createWorkPool, UploadsBusyError } from './pool.ts';

/** A task that runs until `finish` is called. */
function gate() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { finish, task: () => done };
}

describe('the upload work pool', () => {
  it('runs up to `workers` at once, lines up to `queueLimit`, and refuses the next with 503', async () => {
    const pool = createWorkPool({ workers: 2, queueLimit: 1, retryAfterSeconds: 3 });
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => pool.run(g.task));
    expect(pool.load()).toEqual({ running: 2, waiting: 1 });
    const refused = await pool.run(async () => 'never').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(UploadsBusyError);
    const { problem, headers } = toProblem(refused);
    expect(problem).toMatchObject({ status: 503, code: 'uploads_busy' });
    expect(headers).toEqual({ 'retry-after': '3' });
    for (const g of gates) g.finish();
    await Promise.all(runs);
    expect(pool.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('hands a finished worker to the first in line, before newcomers', async () => {
    const pool = createWorkPool({ workers: 1, queueLimit: 2 });
    const order: string[] = [];
    const first = gate();
    const running = pool.run(first.task);
    const queued = pool.run(async () => order.push('queued'));
    first.finish();
    await running;
    const late = pool.run(async () => order.push('late'));
    await Promise.all([queued, late]);
    expect(order).toEqual(['queued', 'late']);
  });

  it('frees the worker when a task fails', async () => {
    const pool = createWorkPool({ workers: 1, queueLimit: 0 });
    await expect(pool.run(() => Promise.reject(new Error('bad pixels')))).rejects.toThrow('bad pixels');
    await expect(pool.run(async () => 'ok')).resolves.toBe('ok');
  });
});
