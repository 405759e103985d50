import { PlazaError } from '@plaza/kernel';
import sharp, { type Metadata, type Sharp } from 'sharp';

/** The upload is not an image we can read. */
export class UnsupportedImageError extends PlazaError {
  override name = 'UnsupportedImageError';
  constructor(message = 'The file is not a JPEG, PNG, WebP, GIF or AVIF image.') {
    super('unsupported_image', message, 415);
  }
}

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif';

// ISO-BMFF brands of the HEIF family (AVIF is HEIF with AV1 inside).
const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The image type told by the file's first bytes; the client's Content-Type is never trusted.
 * @example sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) === 'jpeg'
 */
export function sniffImageType(bytes: Buffer): SniffedType | undefined {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'heif';
  return undefined;
}

export type VariantName = 'thumb' | 'large';

export const VARIANT_WIDTHS: Record<VariantName, number> = { thumb: 360, large: 1080 };

export interface ProcessedImage {
  /** Type and file extension of the stored original. */
  mime: string;
  ext: string;
  width: number;
  /** The height of one frame: an animation keeps only its first. */
  height: number;
  original: Buffer;
  variants: Record<VariantName, Buffer>;
}

export interface ImageLimits {
  /**
   * Decoded pixels an upload may ask for, every frame counted, so a small file cannot
   * expand into gigabytes of pixels or minutes of CPU.
   */
  maxPixels: number;
}

/** What the header promises, read before any pixel is decoded. */
export interface ImageHeader {
  type: SniffedType;
  width: number;
  /** One frame's height (an animation's frames are stacked in libvips, `pageHeight` each). */
  frameHeight: number;
  frames: number;
}

/** The header promises more pixels than the budget allows; nothing was decoded. */
export class ImageTooLargeError extends PlazaError {
  override name = 'ImageTooLargeError';
  constructor(
    readonly pixels: number,
    readonly limitPixels: number,
  ) {
    super(
      'image_too_large',
      `The image decodes to ${pixels} pixels (every frame counted); at most ${limitPixels} are allowed.`,
      413,
      [
        {
          field: '/file',
          code: 'too_many_pixels',
          params: { max: limitPixels },
          message: `decodes to ${pixels} pixels; the limit is ${limitPixels}`,
        },
      ],
    );
  }
}

const ORIGINAL_FORMAT: Record<SniffedType, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  // HEIF/AVIF originals are kept as JPEG: every browser shows it, and AVIF encoding is slow.
  heif: { mime: 'image/jpeg', ext: 'jpg' },
};

/**
 * Reads the header only (libvips parses it without decoding pixels; a GIF's frames are
 * counted, not painted) and refuses an image whose frames together exceed the budget.
 * Cheap enough to run before an upload waits for a worker.
 */
export async function inspectImage(bytes: Buffer, limits: ImageLimits): Promise<ImageHeader> {
  const type = sniffImageType(bytes);
  if (!type) throw new UnsupportedImageError();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnsupportedImageError('The image could not be read; it may be damaged.');
  }
  // The decoder must agree with the magic number: a PNG header on a JPEG body is refused.
  if (meta.format !== type) throw new UnsupportedImageError();
  // Opened without `animated`, libvips reports one frame's height and the frame count.
  const header = {
    type,
    width: meta.width,
    frameHeight: meta.pageHeight ?? meta.height,
    frames: meta.pages ?? 1,
  };
  const pixels = header.width * header.frameHeight * header.frames;
  if (pixels > limits.maxPixels) throw new ImageTooLargeError(pixels, limits.maxPixels);
  return header;
}

function encodeOriginal(image: Sharp, type: SniffedType): Sharp {
  switch (type) {
    case 'jpeg':
    case 'heif':
      // libjpeg-turbo with optimised Huffman tables, not mozjpeg: on the demo's pictures and two
      // photos mozjpeg saved 6–12% of the bytes for 4–5× the CPU (≈ 39 ms against 8.5 ms for a
      // 600×800 picture, 74–100 ms against 18–25 ms for a photo) at the same quality (PSNR
      // within 0.5 dB); see docs/benchmarks.md, "First start".
      return image.jpeg({ quality: 90 });
    case 'png':
      return image.png();
    case 'webp':
      return image.webp({ quality: 90 });
    case 'gif':
      return image.gif();
  }
}

// libwebp's effort (method) 2 instead of its default 4: 44% less CPU for the large variant and
// 36% less for the thumbnail, for 4–6% more bytes at the same PSNR (±0.6 dB); measured in
// bench/seed-pictures.ts.
const VARIANT_WEBP = { quality: 80, effort: 2 } as const;

/**
 * Decodes the first frame only, orients it and re-encodes it. Everything returned is freshly
 * encoded by sharp, which writes no EXIF, XMP or IPTC unless asked: GPS and camera data are
 * gone. An animation keeps its first frame: the site shows still variants, and re-encoding
 * every frame of a GIF is the costliest thing an upload could ask for.
 */
export async function renderImage(
  bytes: Buffer,
  header: ImageHeader,
  limits: ImageLimits,
): Promise<ProcessedImage> {
  // `.rotate()` applies the EXIF orientation before the EXIF is dropped. limitInputPixels
  // guards the decoder itself should a frame be larger than the header said.
  const open = () => sharp(bytes, { limitInputPixels: limits.maxPixels, pages: 1, page: 0 }).rotate();
  try {
    const original = await encodeOriginal(open(), header.type).toBuffer({ resolveWithObject: true });
    const large = await open()
      .resize({ width: VARIANT_WIDTHS.large, withoutEnlargement: true })
      .webp(VARIANT_WEBP)
      .toBuffer();
    // A wide upload's thumbnail comes from the large variant: far fewer pixels to decode. An
    // upload no wider than the large variant has just as many pixels, and a JPEG decodes faster
    // than the WebP (600×800: 41 against 46 ms CPU for both variants; docs/benchmarks.md).
    const thumbSource = original.info.width > VARIANT_WIDTHS.large ? sharp(large) : open();
    const thumb = await thumbSource
      .resize({ width: VARIANT_WIDTHS.thumb, withoutEnlargement: true })
      .webp(VARIANT_WEBP)
      .toBuffer();
    return {
      ...ORIGINAL_FORMAT[header.type],
      width: original.info.width,
      height: original.info.height,
      original: original.data,
      variants: { thumb, large },
    };
  } catch {
    // HEIC (HEVC) and truncated files fail here: the header looked right, the pixels did not.
    throw new UnsupportedImageError('The image could not be decoded; try saving it as JPEG.');
  }
}
