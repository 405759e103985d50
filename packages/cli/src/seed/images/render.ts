import sharp from 'sharp';
import type { Theme } from '../personas.ts';
import { Rng } from '../random.ts';
import { pickPalette } from './palettes.ts';
import { coffeeCup, foodPlate } from './scenes-food.ts';
import { cat, flowers, livingRoom } from './scenes-indoor.ts';
import { landscape, seaside, skyline } from './scenes-outdoor.ts';
import { outfitFlatLay, skincareShelf, studyDesk, workout } from './scenes-things.ts';
import { Svg } from './svg.ts';

const SCENES = {
  food: foodPlate,
  coffee: coffeeCup,
  landscape,
  seaside,
  skyline,
  cat,
  flowers,
  room: livingRoom,
  desk: studyDesk,
  skincare: skincareShelf,
  outfit: outfitFlatLay,
  workout,
} as const;

export type SceneKind = keyof typeof SCENES;
export const SCENE_KINDS = Object.keys(SCENES) as SceneKind[];

/** What to draw; the same spec always gives the same picture. */
export interface ImageSpec {
  scene: SceneKind;
  seed: number;
}

/** Which pictures suit a note of each theme, with weights. */
const SCENES_BY_THEME: Record<Theme, [SceneKind, number][]> = {
  food: [
    ['food', 8],
    ['coffee', 1],
  ],
  coffee: [
    ['coffee', 7],
    ['desk', 1],
    ['room', 1],
    ['food', 1],
  ],
  travel: [
    ['landscape', 5],
    ['seaside', 4],
    ['skyline', 2],
  ],
  outfit: [
    ['outfit', 7],
    ['skyline', 1],
    ['flowers', 1],
  ],
  pets: [
    ['cat', 9],
    ['room', 1],
  ],
  study: [
    ['desk', 7],
    ['coffee', 3],
  ],
  fitness: [
    ['workout', 6],
    ['landscape', 2],
    ['seaside', 2],
    ['food', 1],
  ],
  home: [
    ['room', 5],
    ['flowers', 3],
    ['coffee', 1],
  ],
  skincare: [
    ['skincare', 7],
    ['flowers', 2],
  ],
  citywalk: [
    ['skyline', 6],
    ['landscape', 1],
    ['coffee', 1],
    ['food', 2],
  ],
  refugee: [
    ['cat', 4],
    ['food', 3],
    ['skyline', 2],
    ['landscape', 2],
    ['flowers', 1],
    ['coffee', 1],
  ],
};

export function pickScene(rng: Rng, theme: Theme): SceneKind {
  const options = SCENES_BY_THEME[theme];
  return options[rng.weightedIndex(options.map(([, w]) => w))]![0];
}

/** The picture as SVG source, `width`×`height` pixels (the scene is cropped to fit). */
export function sceneSvg(spec: ImageSpec, width: number, height: number): string {
  const rng = new Rng(spec.seed);
  const svg = new Svg();
  SCENES[spec.scene](rng, svg, pickPalette(rng));
  return svg.toString(width, height);
}

/** Rasterizes a picture to JPEG with sharp: everything local, no fonts, no downloads. */
export function renderJpeg(spec: ImageSpec, width: number, height: number): Promise<Buffer> {
  return sharp(Buffer.from(sceneSvg(spec, width, height)))
    .jpeg({ quality: 84 })
    .toBuffer();
}

/**
 * Runs at most `concurrency` tasks at a time; the rest wait in order. Bounds CPU and memory
 * while pictures render ahead of the uploads that need them.
 */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
