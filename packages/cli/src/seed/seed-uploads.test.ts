import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommunityModules } from '@plaza/community';
import { createTestServer, signUpForTest, type TestServer, testDatabases } from '@plaza/kernel/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProducts } from '../commands/products.ts';
import { linkInvalidations } from './linked-invalidations.ts';
import { buildSeedingStack, type SeedingStack } from './seed-platform.ts';
import { DAY_MS } from './timing.ts';

/**
 * The seeder uploads a note's pictures ahead of posting the note, on a clock moved into the
 * past, while the server it seeds for sweeps uploads no note claimed within a day. A picture
 * waiting for its note must survive that sweep however far back the seeder's clock stands.
 */
describe.each(testDatabases())("the media sweep and the seeder's waiting pictures on $name", (target) => {
  let server: TestServer;
  let serving: CommunityModules | undefined;
  let stack: SeedingStack;
  let ownerId: string;
  let picture: Buffer;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-seed-uploads-'));
  beforeAll(async () => {
    server = await createTestServer(
      target,
      allProducts((m) => {
        serving = m;
      }),
      { PLAZA_DATA_DIR: dataDir },
    );
    stack = await buildSeedingStack(server.platform, linkInvalidations(server.platform.invalidations)[1]);
    ownerId = (await signUpForTest(server.app, 'seed_uploader')).id;
    picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8553d' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(async () => {
    await stack?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const exists = async (id: string) => (await serving!.media.imagesByIds([id])).has(id);

  it('keeps a picture uploaded under a clock years back until its note claims it', async () => {
    stack.clock.moveTo(server.clock.nowMs() - 3 * 365 * DAY_MS);
    const waiting = await stack.upload(ownerId, picture);
    // What the seeder's own clock would have stamped: "three years old" the moment it is made.
    const misdated = await stack.community.media.upload(ownerId, picture);
    await serving!.media.sweepUnattached();
    expect(await exists(waiting.id)).toBe(true);
    expect(await exists(misdated.id)).toBe(false);
    // Still an upload like any other: unclaimed for a day of the server's time, it goes.
    server.clock.advance(DAY_MS + 60_000);
    await serving!.media.sweepUnattached();
    expect(await exists(waiting.id)).toBe(false);
    stack.clock.release();
  });
});
