import type { Rng } from '../random.ts';

/** Five colors that go together: a light ground, then accents from light to dark. */
export type Palette = readonly [string, string, string, string, string];

export const PALETTES: readonly Palette[] = [
  ['#f4f1de', '#f2cc8f', '#e07a5f', '#81b29a', '#3d405b'],
  ['#fefae0', '#dda15e', '#bc6c25', '#606c38', '#283618'],
  ['#fff1e6', '#ffb4a2', '#e5989b', '#b5838d', '#6d6875'],
  ['#f7ede2', '#f6bd60', '#f28482', '#84a59d', '#3d5a80'],
  ['#eaf4f4', '#a2d2ff', '#ffafcc', '#cdb4db', '#5e548e'],
  ['#eae2b7', '#fcbf49', '#f77f00', '#d62828', '#003049'],
  ['#fdf0d5', '#ffb703', '#fb8500', '#219ebc', '#023047'],
  ['#faedcd', '#e9edc9', '#ccd5ae', '#d4a373', '#6b705c'],
  ['#f5ebe0', '#e3d5ca', '#d5bdaf', '#a98467', '#6c584c'],
  ['#fff3b0', '#e09f3e', '#9e2a2b', '#335c67', '#540b0e'],
  ['#ffe5ec', '#ffc2d1', '#ff8fab', '#fb6f92', '#8a4f7d'],
  ['#d8f3dc', '#95d5b2', '#52b788', '#2d6a4f', '#1b4332'],
  ['#e0fbfc', '#c2dfe3', '#9db4c0', '#5c6b73', '#253237'],
  ['#f8f9fa', '#ffd6a5', '#caffbf', '#9bf6ff', '#bdb2ff'],
];

/** Sky gradients, top to bottom, for outdoor scenes. */
export const SKIES: readonly { stops: string[]; sun: string; night: boolean }[] = [
  { stops: ['#a1c4fd', '#c2e9fb', '#fdfbfb'], sun: '#fff7d6', night: false },
  { stops: ['#fbc2eb', '#fcd5ce', '#ffe8d6'], sun: '#fff3e0', night: false },
  { stops: ['#ff9a8b', '#ff6a88', '#ffb88c'], sun: '#fff1c1', night: false },
  { stops: ['#2c3e50', '#6a4c93', '#fd746c'], sun: '#ffd6a5', night: false },
  { stops: ['#0f2027', '#203a43', '#2c5364'], sun: '#f1faee', night: true },
  { stops: ['#89f7fe', '#66a6ff', '#e0f7ff'], sun: '#ffffff', night: false },
  { stops: ['#f6d365', '#fda085', '#fbc2eb'], sun: '#fffbe6', night: false },
  { stops: ['#355c7d', '#6c5b7b', '#c06c84', '#f8b195'], sun: '#ffe3c2', night: false },
];

export function pickPalette(rng: Rng): Palette {
  return rng.pick(PALETTES);
}
