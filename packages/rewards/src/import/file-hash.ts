import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file's content, streamed (a 1 GB file is never in memory), as lowercase hex. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path, {
    highWaterMark: 1024 * 1024,
  }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest('hex');
}
