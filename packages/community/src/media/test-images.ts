/**
 * Images for tests and the measurement script. The hostile ones are small files that decode
 * into huge pixel counts, written byte by byte so making them decodes nothing.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A real animation: `frames` frames of width×height, each a different grey (40, 100, 160, …). */
export function animatedGif(width: number, height: number, frames: number): Promise<Buffer> {
  const frameBytes = width * height * 3;
  const raw = Buffer.alloc(frameBytes * frames);
  for (let f = 0; f < frames; f += 1) raw.fill(40 + f * 60, f * frameBytes, (f + 1) * frameBytes);
  return sharp(raw, { raw: { width, height: height * frames, channels: 3, pageHeight: height } })
    .gif({ loop: 0 })
    .toBuffer();
}

const u16le = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);

/**
 * An animated GIF whose logical screen is `width`×`height` and which holds `frames` frames of
 * one pixel each: a decoder that composites every frame onto the screen paints
 * width × height × frames pixels from a file of about 23 bytes per frame.
 * @example hostileGif({ width: 1000, height: 1000, frames: 90 }).length < 2_200
 */
export function hostileGif({
  width,
  height,
  frames,
}: {
  width: number;
  height: number;
  frames: number;
}): Buffer {
  const parts: Buffer[] = [
    Buffer.from('GIF89a', 'latin1'),
    // Logical screen, then a global colour table of two entries (flag 0x80, size code 0).
    u16le(width),
    u16le(height),
    Buffer.from([0x80, 0, 0]),
    Buffer.from([0, 0, 0, 0xff, 0xff, 0xff]),
    // NETSCAPE2.0 application extension: loop forever, which is what makes it an animation.
    Buffer.from([0x21, 0xff, 0x0b]),
    Buffer.from('NETSCAPE2.0', 'latin1'),
    Buffer.from([0x03, 0x01, 0x00, 0x00, 0x00]),
  ];
  for (let i = 0; i < frames; i += 1) {
    parts.push(
      // Graphic control: no disposal, 10 ms delay, no transparency.
      Buffer.from([0x21, 0xf9, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00]),
      // Image descriptor: a 1×1 frame at the top left, no local colour table.
      Buffer.from([0x2c]),
      u16le(0),
      u16le(0),
      u16le(1),
      u16le(1),
      Buffer.from([0x00]),
      // LZW, minimum code size 2: clear (4), pixel 0, end (5) as 3-bit codes → 0x44 0x01.
      Buffer.from([0x02, 0x02, 0x44, 0x01, 0x00]),
    );
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A 1-bit greyscale PNG of `width`×`height` black pixels: zeros deflate about a thousand to
 * one, so 10000×9999 takes about 12 KB on disk and 100 million pixels once decoded.
 */
export function hostilePng({ width, height }: { width: number; height: number }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // Bit depth 1, colour type 0 (greyscale), deflate, adaptive filtering, no interlace.
  header.set([1, 0, 0, 0, 0], 8);
  // Each row: filter byte 0, then one bit per pixel.
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
