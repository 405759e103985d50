import { randomBytes } from 'node:crypto';
import {
  bearer,
  collectExport,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { makeTestImage, multipartFile, testMediaEnv, uploadTestImage } from '../test-helpers.ts';

// The EXIF tag that points at the GPS block (0x8825), as stored little-endian.
const GPS_POINTER = Buffer.from([0x25, 0x88]);

describe.each(testDatabases())('media on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;
  let token: string;
  let ownerId: string;

  beforeAll(async () => {
    server = await createTestServer(
      target,
      [
        communityProduct((m) => {
          modules = m;
        }),
      ],
      { ...testMediaEnv(), PLAZA_MAX_UPLOAD_MB: '1', PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' },
    );
    ({ token, id: ownerId } = await signUpForTest(server.app, 'photo_taker'));
  });
  afterAll(() => server.close());

  const upload = (data: Buffer, options: Parameters<typeof multipartFile>[1] = {}, auth = token) => {
    const { payload, headers } = multipartFile(data, options);
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload,
      headers: { ...headers, ...bearer(auth) },
    });
  };
  const fetchFile = (url: string) => server.app.inject({ method: 'GET', url });

  it('stores an upload with resized WebP variants and long cache headers', async () => {
    const res = await upload(await makeTestImage({ width: 1600, height: 1200 }));
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ width: 1600, height: 1200 });
    expect(Object.keys(image.urls).sort()).toEqual(['large', 'original', 'thumb']);
    const expected = {
      thumb: [360, 'image/webp'],
      large: [1080, 'image/webp'],
      original: [1600, 'image/jpeg'],
    };
    for (const [name, [width, type]] of Object.entries(expected)) {
      const file = await fetchFile(image.urls[name]);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(type);
      expect(file.headers['cache-control']).toContain('immutable');
      expect((await sharp(file.rawPayload).metadata()).width).toBe(width);
    }
  });

  it('strips EXIF, GPS included, from every stored file and applies the orientation', async () => {
    const original = await makeTestImage({ width: 80, height: 40, gps: true, orientation: 6 });
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(GPS_POINTER)).toBe(true);
    const res = await upload(original);
    expect(res.statusCode).toBe(201);
    // Orientation 6 means the picture stands upright once turned: 40 wide, 80 high.
    expect(res.json()).toMatchObject({ width: 40, height: 80 });
    for (const url of Object.values(res.json().urls as Record<string, string>)) {
      const stored = await fetchFile(url);
      const meta = await sharp(stored.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(stored.rawPayload.includes(Buffer.from('PlazaCam'))).toBe(false);
    }
  });

  it('sniffs the type from the bytes, not the header or file name', async () => {
    const png = await makeTestImage({ format: 'png' });
    const res = await upload(png, { filename: 'holiday.jpg', contentType: 'image/jpeg' });
    expect(res.statusCode).toBe(201);
    expect(res.json().urls.original).toMatch(/\/original\.png$/);
    const stored = await fetchFile(res.json().urls.original);
    expect(stored.headers['content-type']).toBe('image/png');
  });

  it('accepts WebP, GIF and AVIF', async () => {
    const avif = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#336699' } })
      .avif()
      .toBuffer();
    for (const [data, ext] of [
      [await makeTestImage({ format: 'webp' }), 'webp'],
      [await makeTestImage({ format: 'gif' }), 'gif'],
      [avif, 'jpg'],
    ] as const) {
      const res = await upload(data, { filename: 'x.bin', contentType: 'application/octet-stream' });
      expect(res.statusCode).toBe(201);
      expect(res.json().urls.original.endsWith(`.${ext}`)).toBe(true);
    }
  });

  it('refuses files that are not images with 415 unsupported_image', async () => {
    const fakes = [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      Buffer.from('%PDF-1.7 not an image'),
      // A JPEG signature on a body that is not a JPEG.
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
      Buffer.alloc(0),
    ];
    for (const data of fakes) {
      const res = await upload(data, { contentType: 'image/jpeg' });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unsupported_image');
    }
  });

  it('accepts a photo near the limit, far above the JSON body limit', async () => {
    // Random pixels do not compress: this PNG is about 0.9 MB against a 1 MB limit.
    const noise = await sharp(randomBytes(550 * 550 * 3), { raw: { width: 550, height: 550, channels: 3 } })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(800 * 1024);
    expect(noise.length).toBeLessThan(1024 * 1024);
    const res = await upload(noise);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 550, height: 550 });
  });

  it('refuses uploads over the size limit with 413', async () => {
    const big = Buffer.concat([await makeTestImage(), Buffer.alloc(1024 * 1024 + 10, 1)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('needs a signed-in uploader and the field named file', async () => {
    const image = await makeTestImage();
    const { payload, headers } = multipartFile(image);
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/v1/media', payload, headers });
    expect(anonymous.statusCode).toBe(401);
    const wrongField = await upload(image, { field: 'photo' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().code).toBe('file_required');
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: { file: 'x' },
      headers: bearer(token),
    });
    expect(json.statusCode).toBe(415);
  });

  it('answers 404 problems for unknown images and file names', async () => {
    const id = await uploadTestImage(server.app, token);
    for (const url of [
      '/media/01890000-0000-7000-8000-000000000000/thumb.webp',
      `/media/${id}/secret.txt`,
      `/media/${id}/original.png`,
      `/media/${id}/..%2F..%2Fetc%2Fpasswd`,
      `/media/${id.toUpperCase()}/thumb.webp`,
    ]) {
      const res = await fetchFile(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('claims only the owner’s uploads, naming /mediaIds', async () => {
    const mine = await uploadTestImage(server.app, token);
    const other = await signUpForTest(server.app, 'someone_else');
    const theirs = await uploadTestImage(server.app, other.token);
    await expect(modules.media.claimForOwner(ownerId, [mine])).resolves.toHaveLength(1);
    await expect(modules.media.claimForOwner(ownerId, [mine, theirs])).rejects.toMatchObject({
      code: 'media_not_owned',
      fields: [expect.objectContaining({ field: '/mediaIds' })],
    });
  });

  it('exports originals as files and erases rows and files', async () => {
    const account = await signUpForTest(server.app, 'leaving_soon');
    const id = await uploadTestImage(server.app, account.token, await makeTestImage({ color: '#00ff00' }));
    const exported = await collectExport(modules.media.contributor, account.id);
    const listed = exported.lines.get('media.jsonl') as { id: string; file: string }[];
    expect(listed).toEqual([expect.objectContaining({ id, file: `originals/${id}.jpg` })]);
    const bytes = exported.files.get(`originals/${id}.jpg`)!;
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    expect(bytes.equals((await fetchFile(`/media/${id}/original.jpg`)).rawPayload)).toBe(true);
    const urls = Object.values((await modules.media.imagesByIds([id])).get(id)!.urls);
    await modules.media.contributor.erase(account.id, server.platform.database.db);
    expect((await modules.media.imagesByIds([id])).size).toBe(0);
    for (const url of urls) expect((await fetchFile(url)).statusCode).toBe(404);
  });
});
