import type { Rng } from '../random.ts';

/** Scenes are drawn on this canvas and scaled to the requested size when rendered. */
export const VIEW_W = 900;
export const VIEW_H = 1200;

/** Collects gradient definitions and shapes for one picture. */
export class Svg {
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private nextId = 0;

  add(...shapes: string[]): this {
    this.body.push(...shapes);
    return this;
  }

  /** A vertical (or angled) linear gradient; answers `url(#id)`. */
  linear(stops: string[], angle: { x1?: number; y1?: number; x2?: number; y2?: number } = {}): string {
    const id = `g${this.nextId++}`;
    const { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = angle;
    this.defs.push(
      `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsOf(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  /** A radial gradient fading from the first color to the last; answers `url(#id)`. */
  radial(stops: string[], opacities?: number[]): string {
    const id = `g${this.nextId++}`;
    this.defs.push(`<radialGradient id="${id}">${stopsOf(stops, opacities)}</radialGradient>`);
    return `url(#${id})`;
  }

  /** A soft blur filter for shadows and glows; answers `url(#id)`. */
  blur(deviation: number): string {
    const id = `f${this.nextId++}`;
    this.defs.push(
      `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${deviation}"/></filter>`,
    );
    return `url(#${id})`;
  }

  toString(width: number, height: number): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${VIEW_W} ${VIEW_H}" preserveAspectRatio="xMidYMid slice">` +
      `<defs>${this.defs.join('')}</defs>${this.body.join('')}</svg>`
    );
  }
}

function stopsOf(colors: string[], opacities?: number[]): string {
  return colors
    .map((color, i) => {
      const offset = colors.length === 1 ? 0 : i / (colors.length - 1);
      const opacity = opacities?.[i] ?? 1;
      return `<stop offset="${offset.toFixed(3)}" stop-color="${color}" stop-opacity="${opacity}"/>`;
    })
    .join('');
}

const n = (value: number) => value.toFixed(1);

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}" ${extra}/>`;

export const circle = (cx: number, cy: number, r: number, fill: string, extra = '') =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}" ${extra}/>`;

export const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = '') =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}" ${extra}/>`;

export const path = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;

export const stroke = (d: string, color: string, width: number, extra = '') =>
  `<path d="${d}" fill="none" stroke="${color}" stroke-width="${n(width)}" stroke-linecap="round" ${extra}/>`;

export const group = (transform: string, ...shapes: string[]) =>
  `<g transform="${transform}">${shapes.join('')}</g>`;

/** A jagged ridge line from x=0 to x=900 by midpoint displacement, closed down to `bottom`. */
export function ridge(rng: Rng, baseY: number, roughness: number, bottom = VIEW_H): string {
  let points = [
    [0, baseY + rng.range(-roughness, roughness)],
    [VIEW_W, baseY + rng.range(-roughness, roughness)],
  ];
  let spread = roughness;
  for (let round = 0; round < 6; round++) {
    const next: number[][] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      next.push([ax!, ay!], [(ax! + bx!) / 2, (ay! + by!) / 2 + rng.range(-spread, spread)]);
    }
    next.push(points[points.length - 1]!);
    points = next;
    spread *= 0.55;
  }
  const line = points.map(([x, y]) => `${n(x!)} ${n(y!)}`).join(' L');
  return `M0 ${bottom} L${line} L${VIEW_W} ${bottom} Z`;
}

/** A wobbly closed blob around a center, for food, leaves and abstract shapes. */
export function blob(rng: Rng, cx: number, cy: number, r: number, wobble = 0.18, points = 8): string {
  const pts: [number, number][] = [];
  for (let i = 0; i < points; i++) {
    const a = (i / points) * Math.PI * 2;
    const rr = r * (1 + rng.range(-wobble, wobble));
    pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  // Smooth through the points with quadratic curves via their midpoints.
  const mid = (a: [number, number], b: [number, number]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const start = mid(pts[points - 1]!, pts[0]!);
  let d = `M${n(start[0]!)} ${n(start[1]!)}`;
  for (let i = 0; i < points; i++) {
    const p = pts[i]!;
    const m = mid(p, pts[(i + 1) % points]!);
    d += ` Q${n(p[0])} ${n(p[1])} ${n(m[0]!)} ${n(m[1]!)}`;
  }
  return `${d} Z`;
}

/** Colors as #rrggbb; mixing gives harmonious in-between shades. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  const c = pa.map((v, i) => Math.round(v + (pb[i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const lighten = (color: string, t: number) => mix(color, '#ffffff', t);
export const darken = (color: string, t: number) => mix(color, '#000000', t);

function parseHex(color: string): number[] {
  const hex = color.replace('#', '');
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}
