import {
  bearer,
  collectExport,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { makeTestImage, multipartFile, testMediaEnv } from '../test-helpers.ts';

describe.each(testDatabases())('upload rate limits on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;
  let image: Buffer;

  beforeAll(async () => {
    server = await createTestServer(
      target,
      [
        communityProduct((m) => {
          modules = m;
        }),
      ],
      {
        ...testMediaEnv(),
        PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
        PLAZA_UPLOADS_PER_ACCOUNT_PER_HOUR: '2',
        PLAZA_UPLOADS_PER_IP_PER_HOUR: '3',
      },
    );
    image = await makeTestImage();
  });
  afterAll(() => server.close());

  const upload = (token: string, remoteAddress: string) => {
    const { payload, headers } = multipartFile(image);
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload,
      remoteAddress,
      headers: { ...headers, ...bearer(token) },
    });
  };
  const uploadsOf = async (accountId: string) =>
    (await collectExport(modules.media.contributor, accountId)).lines.get('media.jsonl')?.length ?? 0;

  it('limits uploads per account and per address, answering 429 with Retry-After and storing nothing', async () => {
    const ana = await signUpForTest(server.app, 'ana_uploads');
    const ben = await signUpForTest(server.app, 'ben_uploads');
    const cai = await signUpForTest(server.app, 'cai_uploads');
    expect((await upload(ana.token, '10.0.0.1')).statusCode).toBe(201);
    expect((await upload(ana.token, '10.0.0.1')).statusCode).toBe(201);
    // Ana's third: her account's limit, wherever she sends it from.
    const perAccount = await upload(ana.token, '10.0.0.9');
    expect(perAccount.statusCode).toBe(429);
    expect(perAccount.json().code).toBe('rate_limited');
    expect(Number(perAccount.headers['retry-after'])).toBeGreaterThan(0);
    expect(await uploadsOf(ana.id)).toBe(2);

    // Ben shares Ana's address, which has one upload left this hour.
    expect((await upload(ben.token, '10.0.0.1')).statusCode).toBe(201);
    const perAddress = await upload(ben.token, '10.0.0.1');
    expect(perAddress.statusCode).toBe(429);
    expect(perAddress.headers['retry-after']).toBeDefined();
    expect(await uploadsOf(ben.id)).toBe(1);
    // Another address is not held back by that one.
    expect((await upload(cai.token, '10.0.0.2')).statusCode).toBe(201);

    // The next hour opens both windows again.
    server.clock.advance(3_600_000);
    expect((await upload(ana.token, '10.0.0.1')).statusCode).toBe(201);
  });
});
