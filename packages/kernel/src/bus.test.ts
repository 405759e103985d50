import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_ATTEMPTS } from './bus.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from './testing/index.ts';

const pending = async (test: TestPlatform) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from outbox`.execute(test.platform.database.db)).rows[0]
      ?.n,
  );

describe.each(testDatabases())('the outbox event bus on $name', (target) => {
  let test: TestPlatform;
  afterEach(() => test.close());

  it('delivers an event recorded in a committed transaction once, and forgets it', async () => {
    test = await createTestPlatform(target);
    const seen: unknown[] = [];
    test.platform.bus.subscribe('thing.happened', (p) => void seen.push(p));
    await test.platform.database.db
      .transaction()
      .execute((trx) => test.platform.bus.record(trx, 'thing.happened', { n: 1 }));
    await test.platform.bus.deliver();
    await test.platform.bus.deliver();
    expect(seen).toEqual([{ n: 1 }]);
    expect(await pending(test)).toBe(0);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    test = await createTestPlatform(target);
    const seen: unknown[] = [];
    test.platform.bus.subscribe('thing.happened', (p) => void seen.push(p));
    await test.platform.database.db
      .transaction()
      .execute(async (trx) => {
        await test.platform.bus.record(trx, 'thing.happened', { n: 2 });
        throw new Error('the write failed');
      })
      .catch(() => undefined);
    await test.platform.bus.deliver();
    expect(seen).toEqual([]);
  });

  it('retries a failing subscriber later, and gives up after the last attempt', async () => {
    test = await createTestPlatform(target);
    let calls = 0;
    test.platform.bus.subscribe('flaky', () => {
      calls += 1;
      if (calls < 3) throw new Error('not yet');
    });
    await test.platform.bus.publish('flaky', {});
    expect(calls).toBe(1);
    await test.platform.bus.deliver();
    expect(calls).toBe(1); // not due yet: it waits before retrying
    for (let i = 0; i < 3; i += 1) {
      test.clock.advance(3_600_000);
      await test.platform.bus.deliver();
    }
    expect(calls).toBe(3);
    expect(await pending(test)).toBe(0);

    test.platform.bus.subscribe('broken', () => {
      throw new Error('always');
    });
    await test.platform.bus.publish('broken', {});
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS + 2; i += 1) {
      test.clock.advance(3_600_000);
      await test.platform.bus.deliver();
    }
    const row = await sql<{
      attempts: number;
      last_error: string;
    }>`select attempts, last_error from outbox`.execute(test.platform.database.db);
    expect(row.rows[0]?.attempts).toBe(OUTBOX_MAX_ATTEMPTS);
    expect(row.rows[0]?.last_error).toContain('always');
  });

  it('delivers events that subscribers publish, in the same pass, without waiting on itself', async () => {
    test = await createTestPlatform(target);
    const seen: string[] = [];
    test.platform.bus.subscribe('first', async () => {
      seen.push('first');
      await test.platform.bus.publish('second', {});
    });
    test.platform.bus.subscribe('second', () => void seen.push('second'));
    await test.platform.bus.publish('first', {});
    expect(seen).toEqual(['first', 'second']);
    // The bus stops marking subscribers once idle; a later pass marks them again.
    await test.platform.bus.publish('first', {});
    expect(seen).toEqual(['first', 'second', 'first', 'second']);
  });
});

describe('the outbox after a crash', () => {
  it('keeps a committed but undelivered event, and the next process delivers it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-outbox-'));
    const url = `sqlite:${path.join(dir, 'crash.sqlite')}`;
    try {
      const first = await createTestPlatform({ name: 'sqlite', url });
      await first.platform.database.db
        .transaction()
        .execute((trx) => first.platform.bus.record(trx, 'survives', { id: 'a' }));
      await first.close(); // the process ends before delivering
      const second = await createTestPlatform({ name: 'sqlite', url });
      const seen: unknown[] = [];
      second.platform.bus.subscribe('survives', (p) => void seen.push(p));
      await second.platform.bus.deliver();
      expect(seen).toEqual([{ id: 'a' }]);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
