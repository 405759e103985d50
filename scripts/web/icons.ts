/**
 * Draws Plaza's mark and writes the app's icons into packages/web/public (committed; run again
 * after changing the mark): `tsx scripts/web/icons.ts`. Shapes only, no text, so the result
 * does not depend on the fonts of the machine that renders it; sharp (librsvg) rasterises.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web/public');

export const THEME_COLOUR = '#ff2442';
const GOLD = '#fdbc2c';

/**
 * A white "P" with a gold dot (a square's fountain, seen from above) on Plaza's red, on a
 * 512 grid. `inset` shrinks the drawing toward the centre: maskable icons keep their content
 * inside the middle 80 %, and full-bleed ones (Apple's, masked by the phone) need no corners.
 */
function markSvg({ rounded, inset }: { rounded: boolean; inset: number }): string {
  const scale = 1 - inset;
  const shift = (512 * inset) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <title>Plaza</title>
  <rect width="512" height="512" rx="${rounded ? 112 : 0}" fill="${THEME_COLOUR}"/>
  <g transform="translate(${shift} ${shift}) scale(${scale})">
    <path fill="#fff" fill-rule="evenodd" d="M152 104H290A106 106 0 0 1 290 316H224V408H152ZM224 168V252H284A42 42 0 0 0 284 168Z"/>
    <circle cx="360" cy="372" r="38" fill="${GOLD}"/>
  </g>
</svg>
`;
}

const png = (svg: string, size: number) =>
  sharp(Buffer.from(svg), { density: 72 * (size / 512) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An .ico whose entries are PNGs (every browser since IE 11 reads them). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

async function main(): Promise<void> {
  const rounded = markSvg({ rounded: true, inset: 0 });
  const fullBleed = markSvg({ rounded: false, inset: 0 });
  const maskable = markSvg({ rounded: false, inset: 0.2 });
  const files: [string, Buffer | string][] = [
    ['icon.svg', rounded],
    ['icon-192.png', await png(rounded, 192)],
    ['icon-512.png', await png(rounded, 512)],
    ['icon-maskable-512.png', await png(maskable, 512)],
    ['apple-touch-icon.png', await png(fullBleed, 180)],
    [
      'favicon.ico',
      ico([
        { size: 16, data: await png(rounded, 16) },
        { size: 32, data: await png(rounded, 32) },
        { size: 48, data: await png(rounded, 48) },
      ]),
    ],
  ];
  await mkdir(PUBLIC_DIR, { recursive: true });
  for (const [name, data] of files) await writeFile(path.join(PUBLIC_DIR, name), data);
  console.log(`wrote ${files.map(([name]) => name).join(', ')} to ${PUBLIC_DIR}`);
}

await main();
