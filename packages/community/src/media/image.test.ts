import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageTooLargeError, inspectImage, renderImage } from './image.ts';
import { animatedGif, hostileGif, hostilePng } from './test-images.ts';

const limits = { maxPixels: 50_000_000 };

describe('reading an upload’s header before decoding', () => {
  it('counts every frame a GIF declares: 90 frames of 1000×1000 in 2 KB are refused', async () => {
    const gif = hostileGif({ width: 1000, height: 1000, frames: 90 });
    expect(gif.length).toBeLessThan(2_200);
    const refused = await inspectImage(gif, limits).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImageTooLargeError);
    expect(refused).toMatchObject({
      code: 'image_too_large',
      status: 413,
      pixels: 90_000_000,
      limitPixels: 50_000_000,
    });
  });

  it('refuses a 12 KB 1-bit PNG of 10000×9999 from its header', async () => {
    const png = hostilePng({ width: 10_000, height: 9_999 });
    expect(png.length).toBeLessThan(13_000);
    await expect(inspectImage(png, limits)).rejects.toMatchObject({
      code: 'image_too_large',
      pixels: 99_990_000,
    });
  });

  it('accepts an animation within the budget and reports one frame’s height', async () => {
    const header = await inspectImage(await animatedGif(40, 30, 3), limits);
    expect(header).toEqual({ type: 'gif', width: 40, frameHeight: 30, frames: 3 });
  });

  it('keeps only the first frame of an animation, at its own height', async () => {
    const gif = await animatedGif(40, 30, 3);
    const image = await renderImage(gif, await inspectImage(gif, limits), limits);
    expect(image).toMatchObject({ mime: 'image/gif', width: 40, height: 30 });
    const stored = await sharp(image.original).metadata();
    expect([stored.width, stored.height, stored.pages ?? 1]).toEqual([40, 30, 1]);
    // The first frame's grey (40), not a later one.
    const { data } = await sharp(image.original).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBe(40);
  });
});
