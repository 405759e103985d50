import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tables } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProduct } from '../index.ts';
import { makeTestImage, multipartFile, testMediaEnv } from '../test-helpers.ts';
import { inspectImage, renderImage } from './image.ts';
import { createWorkPool } from './pool.ts';
import { createMediaService, type ImageSteps } from './service.ts';
import { createDiskStorage } from './storage.ts';
import { createMediaStore, type MediaTables } from './store.ts';
import { animatedGif, hostileGif, hostilePng } from './test-images.ts';

describe.each(testDatabases())('uploads under abuse on $name', (target) => {
  let server: TestServer;
  let token: string;
  let ownerId: string;

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], testMediaEnv());
    ({ token, id: ownerId } = await signUpForTest(server.app, 'uploader'));
  });
  afterAll(() => server.close());

  const upload = (data: Buffer) => {
    const { payload, headers } = multipartFile(data);
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload,
      headers: { ...headers, ...bearer(token) },
    });
  };

  /** A media service on the suite's database whose steps and pool the test chooses. */
  function serviceWith(images: ImageSteps, pool = createWorkPool({ workers: 2, queueLimit: 2 })) {
    return createMediaService({
      store: createMediaStore(tables<MediaTables>(server.platform)),
      storage: createDiskStorage(mkdtempSync(path.join(os.tmpdir(), 'plaza-media-'))),
      ids: server.platform.ids,
      clock: server.clock,
      maxPixels: 50_000_000,
      images,
      pool,
    });
  }

  it('refuses images whose frames decode past the budget with 413 image_too_large', async () => {
    for (const [file, pixels] of [
      [hostileGif({ width: 1000, height: 1000, frames: 90 }), 90_000_000],
      [hostilePng({ width: 10_000, height: 9_999 }), 99_990_000],
    ] as const) {
      const res = await upload(file);
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'image_too_large',
        errors: [{ field: '/file', message: `decodes to ${pixels} pixels; the limit is 50000000` }],
      });
    }
  });

  it('refuses them before any pixel is decoded', async () => {
    let renders = 0;
    const service = serviceWith({
      inspect: inspectImage,
      render: (...args) => {
        renders += 1;
        return renderImage(...args);
      },
    });
    await expect(
      service.upload(ownerId, hostileGif({ width: 1000, height: 1000, frames: 90 })),
    ).rejects.toMatchObject({
      code: 'image_too_large',
    });
    await expect(service.upload(ownerId, hostilePng({ width: 10_000, height: 9_999 }))).rejects.toMatchObject(
      {
        code: 'image_too_large',
      },
    );
    expect(renders).toBe(0);
    await service.upload(ownerId, await makeTestImage());
    expect(renders).toBe(1);
  });

  it('answers 503 uploads_busy with Retry-After when the workers and the line are full', async () => {
    const started: (() => void)[] = [];
    const service = serviceWith(
      {
        inspect: inspectImage,
        // Each render waits until the test lets it go, so the pool stays full meanwhile.
        render: async (...args) => {
          await new Promise<void>((resolve) => started.push(resolve));
          return renderImage(...args);
        },
      },
      createWorkPool({ workers: 1, queueLimit: 1 }),
    );
    const image = await makeTestImage();
    const running = service.upload(ownerId, image);
    const waiting = service.upload(ownerId, image);
    await expect.poll(() => started.length).toBe(1);
    await expect(service.upload(ownerId, image)).rejects.toMatchObject({
      code: 'uploads_busy',
      status: 503,
      headers: { 'retry-after': '2' },
    });
    started[0]!();
    await expect.poll(() => started.length).toBe(2);
    started[1]!();
    await expect(Promise.all([running, waiting])).resolves.toHaveLength(2);
  });

  it('stores the height of one frame for an animation, and its first frame only', async () => {
    const frames = 3;
    const gif = await animatedGif(40, 30, frames);
    expect((await sharp(gif).metadata()).pages).toBe(frames);
    const res = await upload(gif);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 40, height: 30 });
    const original = await server.app.inject({ method: 'GET', url: res.json().urls.original });
    const stored = await sharp(original.rawPayload).metadata();
    expect([stored.format, stored.height, stored.pages ?? 1]).toEqual(['gif', 30, 1]);
  });
});
