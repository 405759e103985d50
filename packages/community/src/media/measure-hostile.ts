/**
 * Measures what six hostile uploads sent at once cost this process: CPU time, peak RSS and
 * the answers. Not a test (figures depend on the machine); run one kind per process so the
 * peak RSS belongs to it:
 *
 *   npx tsx packages/community/src/media/measure-hostile.ts gif|png|edge
 *
 * `edge` is a 1-bit PNG of 7000×7000, just inside the default budget: it is decoded, so it
 * shows what the work pool bounds (set PLAZA_UPLOAD_WORKERS to compare pool sizes).
 */
import { createTestServer, signUpForTest, testDatabases } from '@plaza/kernel/testing';
import { communityProduct } from '../index.ts';
import { multipartFile, testMediaEnv } from '../test-helpers.ts';
import { hostileGif, hostilePng } from './test-images.ts';

const AT_ONCE = 6;

async function main(kind: string): Promise<void> {
  const file =
    kind === 'gif'
      ? hostileGif({ width: 1000, height: 1000, frames: 90 })
      : hostilePng(kind === 'edge' ? { width: 7000, height: 7000 } : { width: 10000, height: 9999 });
  const workers = process.env.PLAZA_UPLOAD_WORKERS;
  const server = await createTestServer(testDatabases()[0]!, [communityProduct()], {
    ...testMediaEnv(),
    ...(workers ? { PLAZA_UPLOAD_WORKERS: workers } : {}),
  });
  const { token } = await signUpForTest(server.app, 'measurer');
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: AT_ONCE }, () => {
      const { payload, headers } = multipartFile(file);
      return server.app.inject({
        method: 'POST',
        url: '/api/v1/media',
        payload,
        headers: { ...headers, authorization: `Bearer ${token}` },
      });
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const result = {
    kind,
    workers: workers ?? 'cores',
    fileBytes: file.length,
    statuses: answers.map((a) => `${a.statusCode} ${a.statusCode >= 400 ? a.json().code : ''}`.trim()),
    wallMs: Math.round(performance.now() - started),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rssBeforeMb: Math.round(rssBeforeMb),
    // maxRSS is the process's peak in KiB since it started.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await server.close();
}

await main(process.argv[2] ?? 'png');
