import type { Rng } from '../random.ts';
import type { Palette } from './palettes.ts';
import {
  blob,
  circle,
  darken,
  ellipse,
  group,
  lighten,
  mix,
  path,
  rect,
  type Svg,
  stroke,
  VIEW_H,
  VIEW_W,
} from './svg.ts';

/** A wall, a floor and a patch of window light: the room every indoor scene sits in. */
function room(rng: Rng, svg: Svg, palette: Palette, floorY: number): { wall: string; floor: string } {
  const wall = rng.pick([palette[0], palette[1], lighten(palette[3], 0.5)]);
  const floor = rng.pick(['#c9a27e', '#b08968', '#ddb892', darken(wall, 0.25)]);
  svg.add(rect(0, 0, VIEW_W, floorY, svg.linear([lighten(wall, 0.15), wall])));
  svg.add(rect(0, floorY, VIEW_W, VIEW_H - floorY, svg.linear([floor, darken(floor, 0.2)])));
  const lx = rng.range(-100, 500);
  svg.add(
    path(
      `M${lx} 80 L${lx + 260} 80 L${lx + 420} ${floorY} L${lx + 160} ${floorY} Z`,
      '#ffffff',
      'opacity="0.18"',
    ),
  );
  return { wall, floor };
}

const FURS = [
  { body: '#e8964a', stripe: '#c06b25', belly: '#fbe3c8' },
  { body: '#8d99ae', stripe: '#6c7689', belly: '#dfe3ea' },
  { body: '#2b2d42', stripe: '#2b2d42', belly: '#3d405b' },
  { body: '#f1e3d3', stripe: '#d8c3a5', belly: '#ffffff' },
  { body: '#fdfdfd', stripe: '#c8b6a6', belly: '#ffffff' },
];

/** A cat sitting on a cushion, looking at you. */
export function cat(rng: Rng, svg: Svg, palette: Palette): void {
  const floorY = rng.range(760, 880);
  room(rng, svg, palette, floorY);
  const fur = rng.pick(FURS);
  const cx = rng.range(380, 520);
  const base = floorY + 170;
  svg.add(ellipse(cx, base + 10, 300, 70, rng.pick([palette[2], palette[3], palette[4]])));
  const tailSide = rng.pick([-1, 1]);
  svg.add(
    stroke(
      `M${cx + tailSide * 120} ${base - 30} Q${cx + tailSide * 300} ${base - 40} ${cx + tailSide * 250} ${base - 250}`,
      fur.body,
      44,
    ),
  );
  svg.add(ellipse(cx, base - 170, 175, 200, fur.body), ellipse(cx, base - 140, 95, 140, fur.belly));
  if (fur.stripe !== fur.body) {
    for (let i = 0; i < 4; i++)
      svg.add(
        stroke(`M${cx - 170} ${base - 250 + i * 45} q40 15 70 0`, fur.stripe, 12),
        stroke(`M${cx + 100} ${base - 250 + i * 45} q30 15 70 0`, fur.stripe, 12),
      );
  }
  svg.add(ellipse(cx - 70, base - 10, 50, 30, fur.belly), ellipse(cx + 70, base - 10, 50, 30, fur.belly));
  catHead(rng, svg, cx, base - 410, fur);
  if (rng.chance(0.5)) yarn(rng, svg, cx + rng.pick([-280, 280]), base - 20, palette);
}

function catHead(rng: Rng, svg: Svg, cx: number, cy: number, fur: (typeof FURS)[number]): void {
  const ear = (dir: number) =>
    path(
      `M${cx + dir * 40} ${cy - 110} L${cx + dir * 135} ${cy - 190} L${cx + dir * 140} ${cy - 50} Z`,
      fur.body,
    ) +
    path(
      `M${cx + dir * 62} ${cy - 108} L${cx + dir * 122} ${cy - 158} L${cx + dir * 124} ${cy - 74} Z`,
      '#f4a7b9',
    );
  svg.add(ear(-1), ear(1), ellipse(cx, cy, 150, 130, fur.body));
  if (fur.stripe !== fur.body) {
    for (const dx of [-30, 0, 30]) svg.add(stroke(`M${cx + dx} ${cy - 125} l0 40`, fur.stripe, 10));
  }
  const iris = rng.pick(['#7bc043', '#f6c85f', '#4ea8de', '#e9a03b']);
  const blink = rng.chance(0.2);
  for (const dir of [-1, 1]) {
    const ex = cx + dir * 58;
    if (blink) svg.add(stroke(`M${ex - 26} ${cy - 8} q26 20 52 0`, '#2b2d42', 6));
    else
      svg.add(
        ellipse(ex, cy - 10, 30, 34, iris),
        ellipse(ex, cy - 10, 9, 28, '#1b1b1b'),
        circle(ex + 9, cy - 22, 7, '#ffffff'),
      );
  }
  svg.add(path(`M${cx - 14} ${cy + 30} L${cx + 14} ${cy + 30} L${cx} ${cy + 46} Z`, '#e58f9e'));
  svg.add(stroke(`M${cx} ${cy + 46} q-18 22 -36 8 M${cx} ${cy + 46} q18 22 36 8`, '#5c4b51', 4));
  for (const dir of [-1, 1]) {
    for (const dy of [-6, 10, 26])
      svg.add(
        stroke(`M${cx + dir * 60} ${cy + 40 + dy / 2} l${dir * 130} ${dy}`, '#f8f9fa', 3, 'opacity="0.85"'),
      );
    svg.add(circle(cx + dir * 95, cy + 50, 22, '#f4a7b9', 'opacity="0.45"'));
  }
}

function yarn(rng: Rng, svg: Svg, x: number, y: number, palette: Palette): void {
  const color = rng.pick([palette[2], palette[3], '#e76f51']);
  svg.add(circle(x, y - 60, 70, color));
  for (let i = 0; i < 5; i++)
    svg.add(stroke(`M${x - 60} ${y - 90 + i * 15} q60 ${rng.range(-30, 30)} 120 0`, darken(color, 0.2), 4));
  svg.add(stroke(`M${x + 60} ${y - 40} q80 60 160 30`, color, 5));
}

/** Flowers in a vase on a table by the window. */
export function flowers(rng: Rng, svg: Svg, palette: Palette): void {
  const tableY = rng.range(860, 940);
  room(rng, svg, palette, tableY);
  const cx = rng.range(380, 520);
  const vase = rng.pick([palette[3], palette[4], '#f8f9fa', '#a3c4bc']);
  const count = rng.int(4, 8);
  const heads: [number, number][] = [];
  for (let i = 0; i < count; i++) heads.push([cx + rng.range(-240, 240), rng.range(260, 620)]);
  for (const [hx, hy] of heads) {
    svg.add(
      stroke(`M${cx} ${tableY - 200} Q${(cx + hx) / 2} ${(tableY + hy) / 2 - 100} ${hx} ${hy}`, '#40916c', 8),
    );
    svg.add(
      ellipse(
        (cx + hx) / 2 + 20,
        (tableY + hy) / 2 - 80,
        40,
        16,
        '#52b788',
        `transform="rotate(${rng.int(-60, 60)} ${(cx + hx) / 2} ${(tableY + hy) / 2 - 80})"`,
      ),
    );
  }
  for (const [hx, hy] of heads)
    bloom(rng, svg, hx, hy, rng.pick([palette[2], '#ff8fab', '#ffd166', '#f8f9fa', '#e5989b', '#cdb4db']));
  svg.add(
    path(
      `M${cx - 90} ${tableY} Q${cx - 150} ${tableY - 120} ${cx - 60} ${tableY - 220} L${cx + 60} ${tableY - 220} Q${cx + 150} ${tableY - 120} ${cx + 90} ${tableY} Z`,
      svg.linear([lighten(vase, 0.2), vase, darken(vase, 0.15)], { x2: 1, y2: 0 }),
    ),
  );
  svg.add(ellipse(cx, tableY + 8, 140, 18, '#000000', 'opacity="0.15"'));
}

function bloom(rng: Rng, svg: Svg, x: number, y: number, color: string): void {
  const petals = rng.int(5, 8);
  const size = rng.range(38, 62);
  const parts: string[] = [];
  for (let i = 0; i < petals; i++) {
    const a = (360 / petals) * i;
    parts.push(
      ellipse(
        0,
        -size,
        size * 0.55,
        size,
        i % 2 ? color : lighten(color, 0.15),
        `transform="rotate(${a.toFixed(1)})"`,
      ),
    );
  }
  parts.push(circle(0, 0, size * 0.45, rng.pick(['#ffb703', '#6b4226', '#fefae0'])));
  svg.add(group(`translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${rng.int(0, 60)})`, ...parts));
}

/** A living room corner: window with sky, sofa, plant, lamp and a picture on the wall. */
export function livingRoom(rng: Rng, svg: Svg, palette: Palette): void {
  const floorY = rng.range(840, 920);
  const { wall } = room(rng, svg, palette, floorY);
  const wx = rng.range(90, 420);
  svg.add(
    rect(wx - 14, 150, 328, 428, darken(wall, 0.3)),
    rect(wx, 164, 300, 400, svg.linear(['#a1c4fd', '#fdfbfb'])),
  );
  svg.add(rect(wx + 143, 164, 14, 400, darken(wall, 0.3)), rect(wx, 357, 300, 14, darken(wall, 0.3)));
  const sofa = rng.pick([palette[3], palette[4], palette[2], '#6c757d']);
  svg.add(
    rect(120, floorY - 260, 660, 200, darken(sofa, 0.1), 'rx="40"'),
    rect(90, floorY - 160, 720, 160, sofa, 'rx="40"'),
  );
  svg.add(
    rect(180, floorY - 240, 150, 120, lighten(sofa, 0.4), 'rx="30"'),
    rect(560, floorY - 240, 150, 120, mix(sofa, palette[1], 0.6), 'rx="30"'),
  );
  svg.add(ellipse(450, floorY + 140, 340, 70, palette[1], 'opacity="0.8"'));
  const px = rng.pick([60, 820]);
  svg.add(
    path(
      `M${px - 60} ${floorY + 60} L${px - 45} ${floorY - 60} L${px + 45} ${floorY - 60} L${px + 60} ${floorY + 60} Z`,
      '#bc6c25',
    ),
  );
  for (let i = 0; i < 9; i++)
    svg.add(
      path(
        blob(rng, px + rng.range(-90, 90), floorY - 120 - rng.range(0, 260), rng.range(40, 70), 0.35),
        rng.pick(['#2d6a4f', '#40916c', '#52b788']),
      ),
    );
  const fx = rng.range(520, 700);
  svg.add(rect(fx, 220, 170, 210, '#fdfcf8'), rect(fx + 14, 234, 142, 182, palette[1]));
  svg.add(circle(fx + 70, 300, 40, palette[2]), rect(fx + 30, 340, 110, 50, palette[3]));
}
