import { PayloadTooLargeError, PlazaError } from '@plaza/kernel';
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
  height: number;
  original: Buffer;
  variants: Record<VariantName, Buffer>;
}

export interface ImageLimits {
  /** Decoded size cap, so a small file cannot expand into gigabytes of pixels. */
  maxPixels: number;
}

const ORIGINAL_FORMAT: Record<SniffedType, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
  // HEIF/AVIF originals are kept as JPEG: every browser shows it, and AVIF encoding is slow.
  heif: { mime: 'image/jpeg', ext: 'jpg' },
};

async function readMetadata(bytes: Buffer, type: SniffedType, limits: ImageLimits): Promise<Metadata> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnsupportedImageError('The image could not be read; it may be damaged.');
  }
  // The decoder must agree with the magic number: a PNG header on a JPEG body is refused.
  if (meta.format !== type) throw new UnsupportedImageError();
  if (meta.width * (meta.pageHeight ?? meta.height) > limits.maxPixels) {
    throw new PayloadTooLargeError(`The image has more than ${limits.maxPixels} pixels.`);
  }
  return meta;
}

function encodeOriginal(image: Sharp, type: SniffedType): Sharp {
  switch (type) {
    case 'jpeg':
    case 'heif':
      return image.jpeg({ quality: 90, mozjpeg: true });
    case 'png':
      return image.png();
    case 'webp':
      return image.webp({ quality: 90 });
    case 'gif':
      return image.gif();
  }
}

/**
 * Checks, orients and re-encodes an upload. Everything returned is freshly encoded by
 * sharp, which writes no EXIF, XMP or IPTC unless asked: GPS and camera data are gone.
 */
export async function processImage(bytes: Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  const type = sniffImageType(bytes);
  if (!type) throw new UnsupportedImageError();
  const meta = await readMetadata(bytes, type, limits);
  const animated = (type === 'gif' || type === 'webp') && (meta.pages ?? 1) > 1;
  // `.rotate()` applies the EXIF orientation before the EXIF is dropped; animations carry none.
  const open = (keepFrames: boolean) => {
    const image = sharp(bytes, { limitInputPixels: limits.maxPixels, animated: keepFrames });
    return keepFrames ? image : image.rotate();
  };
  try {
    const original = await encodeOriginal(open(animated), type).toBuffer({ resolveWithObject: true });
    const variants = {} as Record<VariantName, Buffer>;
    for (const [name, width] of Object.entries(VARIANT_WIDTHS) as [VariantName, number][]) {
      variants[name] = await open(false)
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    }
    return {
      ...ORIGINAL_FORMAT[type],
      width: original.info.width,
      height: animated ? (meta.pageHeight ?? original.info.height) : original.info.height,
      original: original.data,
      variants,
    };
  } catch (err) {
    if (err instanceof PlazaError) throw err;
    // HEIC (HEVC) and truncated files fail here: the header looked right, the pixels did not.
    throw new UnsupportedImageError('The image could not be decoded; try saving it as JPEG.');
  }
}
