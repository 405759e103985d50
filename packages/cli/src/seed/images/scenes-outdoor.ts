import type { Rng } from '../random.ts';
import { type Palette, SKIES } from './palettes.ts';
import {
  circle,
  darken,
  ellipse,
  group,
  lighten,
  mix,
  path,
  rect,
  ridge,
  type Svg,
  stroke,
  VIEW_H,
  VIEW_W,
} from './svg.ts';

type Sky = (typeof SKIES)[number];

function drawSky(rng: Rng, svg: Svg, sky: Sky, horizonY: number): { x: number; y: number } {
  svg.add(rect(0, 0, VIEW_W, VIEW_H, svg.linear(sky.stops)));
  const x = rng.range(160, 740);
  const y = rng.range(220, horizonY - 140);
  const r = rng.range(55, 105);
  svg.add(circle(x, y, r * 3, svg.radial([sky.sun, sky.sun], [0.5, 0])), circle(x, y, r, sky.sun));
  if (sky.night) {
    for (let i = 0; i < 60; i++)
      svg.add(
        circle(
          rng.range(0, VIEW_W),
          rng.range(0, horizonY * 0.8),
          rng.range(1, 3),
          '#ffffff',
          `opacity="${rng.range(0.3, 0.9).toFixed(2)}"`,
        ),
      );
  } else {
    for (let i = rng.int(2, 4); i > 0; i--)
      drawCloud(rng, svg, rng.range(80, 820), rng.range(120, horizonY - 220));
  }
  return { x, y };
}

function drawCloud(rng: Rng, svg: Svg, x: number, y: number): void {
  const puffs: string[] = [];
  const width = rng.range(120, 240);
  for (let i = 0; i < 5; i++) {
    const px = x + (i / 4 - 0.5) * width;
    puffs.push(
      ellipse(px, y - Math.sin((i / 4) * Math.PI) * 30, rng.range(45, 75), rng.range(28, 45), '#ffffff'),
    );
  }
  svg.add(`<g opacity="${rng.range(0.55, 0.85).toFixed(2)}">${puffs.join('')}</g>`);
}

function drawBirds(rng: Rng, svg: Svg, color: string): void {
  const x0 = rng.range(150, 700);
  const y0 = rng.range(180, 420);
  for (let i = rng.int(0, 5); i > 0; i--) {
    const x = x0 + rng.range(-120, 120);
    const y = y0 + rng.range(-60, 60);
    const s = rng.range(10, 20);
    svg.add(
      stroke(
        `M${x - s} ${y - s / 2} Q${x - s / 2} ${y - s} ${x} ${y} Q${x + s / 2} ${y - s} ${x + s} ${y - s / 2}`,
        color,
        3,
      ),
    );
  }
}

/** Layered mountains under a sky with a sun, sometimes above a still lake. */
export function landscape(rng: Rng, svg: Svg, palette: Palette): void {
  const sky = rng.pick(SKIES);
  const lake = rng.chance(0.45);
  const horizon = lake ? 860 : 1000;
  drawSky(rng, svg, sky, 700);
  const layers = rng.int(3, 5);
  const far = lighten(sky.stops[sky.stops.length - 1]!, 0.1);
  const near = sky.night ? '#0b1320' : darken(rng.pick([palette[3], palette[4]]), 0.15);
  const shapes: string[] = [];
  for (let i = 0; i < layers; i++) {
    const t = (i + 1) / layers;
    const baseY = 560 + (horizon - 620) * (i / layers) + rng.range(-30, 30);
    // Without a lake the nearest hills run to the bottom edge, under the pines.
    const bottom = lake ? horizon + 2 : VIEW_H;
    shapes.push(path(ridge(rng, baseY, 150 - i * 25, bottom), mix(far, near, t * 0.9)));
  }
  svg.add(...shapes);
  if (!sky.night) drawBirds(rng, svg, darken(near, 0.2));
  if (lake) {
    svg.add(rect(0, horizon, VIEW_W, VIEW_H - horizon, svg.linear([mix(far, near, 0.3), darken(near, 0.2)])));
    svg.add(group(`translate(0 ${2 * horizon}) scale(1 -1)`, `<g opacity="0.25">${shapes.join('')}</g>`));
    for (let i = 0; i < 14; i++) {
      const y = rng.range(horizon + 20, VIEW_H - 40);
      const x = rng.range(60, 800);
      svg.add(stroke(`M${x} ${y} h${rng.range(40, 140)}`, '#ffffff', 3, 'opacity="0.35"'));
    }
  } else {
    drawPines(rng, svg, darken(near, 0.25));
  }
}

function drawPines(rng: Rng, svg: Svg, color: string): void {
  for (let i = rng.int(4, 12); i > 0; i--) {
    const x = rng.range(0, VIEW_W);
    const base = rng.range(1080, 1200);
    const h = rng.range(90, 200);
    svg.add(path(`M${x} ${base - h} L${x + h * 0.28} ${base} L${x - h * 0.28} ${base} Z`, color));
  }
}

/** A sea horizon with a sun glitter path, a beach and sometimes an island. */
export function seaside(rng: Rng, svg: Svg, palette: Palette): void {
  const sky = rng.pick(SKIES.filter((s) => !s.night));
  const horizon = rng.range(620, 740);
  const sun = drawSky(rng, svg, sky, horizon);
  if (rng.chance(0.5))
    svg.add(
      path(ridge(rng, horizon - 60, 50, horizon + 1), mix(sky.stops[0]!, palette[4], 0.5), 'opacity="0.8"'),
    );
  const sea = rng.pick(['#2a9d8f', '#219ebc', '#3a86ff', '#1d3557', '#48cae4']);
  svg.add(
    rect(0, horizon, VIEW_W, VIEW_H - horizon, svg.linear([lighten(sea, 0.25), sea, darken(sea, 0.35)])),
  );
  for (let i = 0; i < 26; i++) {
    const y = horizon + 10 + ((VIEW_H - horizon) * i) / 30;
    const w = 30 + i * 6 * rng.range(0.6, 1.4);
    svg.add(stroke(`M${sun.x - w / 2 + rng.range(-40, 40)} ${y} h${w}`, sky.sun, 4, 'opacity="0.5"'));
  }
  const sand = rng.pick(['#f2dcb3', '#e9c89b', '#f5e6ca']);
  const beachTop = rng.range(960, 1060);
  const beach = `M0 ${beachTop} Q${VIEW_W * 0.4} ${beachTop - 90} ${VIEW_W} ${beachTop + 40} L${VIEW_W} ${VIEW_H} L0 ${VIEW_H} Z`;
  svg.add(path(beach, sand));
  svg.add(
    stroke(
      `M0 ${beachTop - 8} Q${VIEW_W * 0.4} ${beachTop - 100} ${VIEW_W} ${beachTop + 30}`,
      '#ffffff',
      10,
      'opacity="0.8"',
    ),
  );
  if (rng.chance(0.5)) drawPalm(rng, svg, rng.range(120, 780), beachTop + 60);
}

function drawPalm(rng: Rng, svg: Svg, x: number, y: number): void {
  const top = y - rng.range(380, 480);
  const lean = rng.range(-80, 80);
  svg.add(stroke(`M${x} ${y} Q${x + lean * 0.3} ${(y + top) / 2} ${x + lean} ${top}`, '#5b4636', 22));
  for (let i = 0; i < 7; i++) {
    const a = (i / 7) * Math.PI * 2;
    const ex = x + lean + Math.cos(a) * 170;
    const ey = top + Math.sin(a) * 70 + 40;
    svg.add(stroke(`M${x + lean} ${top} Q${(x + lean + ex) / 2} ${top - 60} ${ex} ${ey}`, '#2d6a4f', 26));
  }
}

/** A city at dusk: two rows of towers, lit windows and their reflection in a river. */
export function skyline(rng: Rng, svg: Svg, palette: Palette): void {
  const sky = rng.chance(0.6)
    ? rng.pick(SKIES.filter((s, i) => s.night || i === 3 || i === 7))
    : rng.pick(SKIES);
  const river = 930;
  drawSky(rng, svg, sky, 640);
  const back = mix(sky.stops[sky.stops.length - 1]!, palette[4], 0.45);
  const front = darken(palette[4], 0.35);
  const shapes = [
    buildingRow(rng, back, 420, 780, river, null),
    buildingRow(rng, front, 560, 900, river, sky.sun),
  ];
  if (rng.chance(0.7)) shapes.splice(1, 0, tower(rng, mix(back, front, 0.5), river));
  svg.add(...shapes);
  svg.add(rect(0, river, VIEW_W, VIEW_H - river, svg.linear([darken(back, 0.2), darken(front, 0.4)])));
  svg.add(group(`translate(0 ${2 * river}) scale(1 -1)`, `<g opacity="0.3">${shapes.join('')}</g>`));
  for (let i = 0; i < 12; i++) {
    svg.add(
      stroke(
        `M${rng.range(0, 820)} ${rng.range(river + 20, VIEW_H - 20)} h${rng.range(30, 120)}`,
        '#ffffff',
        3,
        'opacity="0.3"',
      ),
    );
  }
}

function buildingRow(
  rng: Rng,
  color: string,
  minTop: number,
  maxTop: number,
  ground: number,
  windows: string | null,
): string {
  const parts: string[] = [];
  let x = -20;
  while (x < VIEW_W) {
    const w = rng.range(60, 140);
    const top = rng.range(minTop, maxTop) - (rng.chance(0.15) ? 180 : 0);
    parts.push(rect(x, top, w - 6, ground - top, color));
    if (windows) parts.push(...litWindows(rng, x, top, w - 6, ground, windows));
    x += w;
  }
  return parts.join('');
}

function litWindows(rng: Rng, x: number, top: number, w: number, ground: number, color: string): string[] {
  const out: string[] = [];
  for (let wy = top + 24; wy < ground - 30; wy += 34) {
    for (let wx = x + 12; wx < x + w - 18; wx += 26) {
      if (rng.chance(0.35))
        out.push(rect(wx, wy, 12, 16, color, `opacity="${rng.range(0.5, 0.95).toFixed(2)}"`));
    }
  }
  return out;
}

function tower(rng: Rng, color: string, ground: number): string {
  const cx = rng.range(300, 600);
  const parts: string[] = [];
  let w = rng.range(110, 150);
  let y = ground;
  for (let i = 0; i < 7; i++) {
    const h = rng.range(70, 95);
    parts.push(
      path(
        `M${cx - w / 2} ${y} L${cx - w / 2 - 10} ${y - h} L${cx + w / 2 + 10} ${y - h} L${cx + w / 2} ${y} Z`,
        color,
      ),
    );
    y -= h;
    w *= 0.86;
  }
  parts.push(rect(cx - 6, y - 120, 12, 120, color), circle(cx, y - 124, 8, lighten(color, 0.3)));
  return parts.join('');
}
