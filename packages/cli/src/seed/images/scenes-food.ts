import type { Rng } from '../random.ts';
import type { Palette } from './palettes.ts';
import {
  blob,
  circle,
  darken,
  ellipse,
  group,
  lighten,
  path,
  rect,
  type Svg,
  stroke,
  VIEW_H,
  VIEW_W,
} from './svg.ts';

/** A table seen from above: wood planks, a checked cloth or a plain colored top. */
export function tableTop(rng: Rng, svg: Svg, palette: Palette): void {
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const wood = rng.pick(['#c69c6d', '#a47148', '#d4a373', '#8d6346', '#e6ccb2']);
    svg.add(rect(0, 0, VIEW_W, VIEW_H, wood));
    for (let x = 0; x < VIEW_W; x += 150) {
      svg.add(rect(x, 0, 4, VIEW_H, darken(wood, 0.18)));
      for (let i = 0; i < 5; i++) {
        const gx = x + rng.range(15, 135);
        svg.add(
          stroke(
            `M${gx} 0 Q${gx + rng.range(-20, 20)} ${VIEW_H / 2} ${gx} ${VIEW_H}`,
            darken(wood, 0.08),
            3,
            'opacity="0.6"',
          ),
        );
      }
    }
  } else if (kind === 1) {
    const cloth = rng.pick([palette[2], palette[3], '#e63946', '#457b9d']);
    svg.add(rect(0, 0, VIEW_W, VIEW_H, '#fffaf0'));
    for (let x = 0; x < VIEW_W; x += 100) svg.add(rect(x, 0, 50, VIEW_H, cloth, 'opacity="0.35"'));
    for (let y = 0; y < VIEW_H; y += 100) svg.add(rect(0, y, VIEW_W, 50, cloth, 'opacity="0.35"'));
  } else {
    svg.add(rect(0, 0, VIEW_W, VIEW_H, svg.linear([palette[0], palette[1]], { x2: 1, y2: 1 })));
  }
}

function plate(svg: Svg, cx: number, cy: number, r: number, color: string): void {
  svg.add(circle(cx + 18, cy + 24, r, '#000000', 'opacity="0.16"'));
  svg.add(
    circle(cx, cy, r, color),
    circle(cx, cy, r * 0.8, darken(color, 0.05)),
    circle(cx, cy, r * 0.78, color),
  );
}

function chopsticks(rng: Rng, svg: Svg, cx: number, cy: number): void {
  const angle = rng.range(-25, 25);
  const color = rng.pick(['#5e3023', '#d4a373', '#1d1d1d', '#b08968']);
  const sticks = [0, 34].map((dx) => rect(-10 + dx, -330, 16, 660, color, 'rx="8"'));
  svg.add(group(`translate(${cx} ${cy}) rotate(${angle.toFixed(1)})`, ...sticks));
}

function noodles(rng: Rng, svg: Svg, cx: number, cy: number, r: number): void {
  svg.add(circle(cx, cy, r, svg.radial(['#f4a261', '#c8553d'])));
  const noodle = rng.pick(['#f6d58e', '#f3e1b6', '#e9c46a']);
  for (let i = 0; i < 34; i++) {
    const a = rng.range(0, Math.PI * 2);
    const d = rng.range(0, r * 0.7);
    const x = cx + Math.cos(a) * d;
    const y = cy + Math.sin(a) * d;
    svg.add(stroke(`M${x - 60} ${y} q30 ${rng.range(-40, 40)} 60 0 t60 0`, noodle, 9));
  }
  for (let i = rng.int(3, 5); i > 0; i--) {
    const a = rng.range(0, Math.PI * 2);
    svg.add(
      group(
        `translate(${cx + Math.cos(a) * r * 0.5} ${cy + Math.sin(a) * r * 0.5}) rotate(${rng.int(0, 180)})`,
        rect(-55, -30, 110, 60, '#7f4f24', 'rx="18"'),
        rect(-55, -30, 110, 14, '#9c6644', 'rx="7"'),
      ),
    );
  }
  egg(svg, cx + rng.range(-60, 60), cy + rng.range(-60, 60));
  greens(rng, svg, cx, cy, r * 0.8, 26);
}

function egg(svg: Svg, x: number, y: number): void {
  svg.add(ellipse(x, y, 62, 48, '#fffdf5'), circle(x + 4, y, 28, '#f9a620'));
}

function greens(rng: Rng, svg: Svg, cx: number, cy: number, r: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const a = rng.range(0, Math.PI * 2);
    const d = rng.range(0, r);
    svg.add(
      circle(
        cx + Math.cos(a) * d,
        cy + Math.sin(a) * d,
        rng.range(7, 13),
        rng.pick(['#52b788', '#74c69d', '#40916c']),
      ),
    );
  }
}

function dumplings(rng: Rng, svg: Svg, cx: number, cy: number, r: number): void {
  const count = rng.int(6, 9);
  const skin = rng.pick(['#fbf2e3', '#f6e7cb', '#f2e8cf']);
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2;
    const x = cx + Math.cos(a) * r * 0.55;
    const y = cy + Math.sin(a) * r * 0.55;
    const rot = ((a * 180) / Math.PI + 90).toFixed(1);
    const pleats = [-30, -12, 6, 24].map((px) => stroke(`M${px} -36 q6 14 0 26`, darken(skin, 0.15), 4));
    svg.add(
      group(
        `translate(${x} ${y}) rotate(${rot})`,
        path('M-80 20 Q-70 -60 0 -62 Q70 -60 80 20 Q0 50 -80 20 Z', skin),
        path('M-80 20 Q0 50 80 20 Q0 36 -80 20 Z', '#e9b872'),
        ...pleats,
      ),
    );
  }
  svg.add(circle(cx, cy, r * 0.22, '#3d2b1f'), circle(cx, cy, r * 0.16, '#6f1d1b'));
}

function riceBowl(rng: Rng, svg: Svg, cx: number, cy: number, r: number): void {
  // A glazed bowl rim, so white rice does not vanish into a white plate.
  const glaze = rng.pick(['#1d3557', '#9e2a2b', '#6b705c', '#264653', '#bc6c25']);
  svg.add(
    circle(cx, cy, r + 34, glaze),
    circle(cx, cy, r + 10, lighten(glaze, 0.25)),
    circle(cx, cy, r, '#fbfbf8'),
  );
  for (let i = 0; i < 70; i++) {
    const a = rng.range(0, Math.PI * 2);
    const d = rng.range(0, r * 0.9);
    svg.add(
      ellipse(
        cx + Math.cos(a) * d,
        cy + Math.sin(a) * d,
        9,
        5,
        '#ecebe4',
        `transform="rotate(${rng.int(0, 180)} ${cx + Math.cos(a) * d} ${cy + Math.sin(a) * d})"`,
      ),
    );
  }
  const braised = [];
  for (let i = 0; i < 9; i++)
    braised.push(
      path(
        blob(rng, cx - 60 + rng.range(-50, 50), cy - 40 + rng.range(-50, 50), rng.range(22, 34)),
        rng.pick(['#6f3a1f', '#8a4b24', '#5a2e17']),
      ),
    );
  svg.add(...braised);
  egg(svg, cx + 80, cy + 60);
  for (let i = 0; i < 6; i++)
    svg.add(path(blob(rng, cx - 90 + i * 12, cy + 110 + rng.range(-10, 10), 30, 0.3), '#f2c14e'));
  greens(rng, svg, cx + 70, cy - 80, 50, 10);
}

function fruitSalad(rng: Rng, svg: Svg, cx: number, cy: number, r: number, palette: Palette): void {
  const colors = ['#ef476f', '#ffd166', '#06d6a0', '#f78c6b', palette[2], '#b5179e'];
  for (let i = 0; i < 38; i++) {
    const a = rng.range(0, Math.PI * 2);
    const d = rng.range(0, r * 0.85);
    svg.add(
      path(blob(rng, cx + Math.cos(a) * d, cy + Math.sin(a) * d, rng.range(22, 40), 0.25), rng.pick(colors)),
    );
  }
  for (let i = 0; i < 8; i++)
    svg.add(
      ellipse(
        cx + rng.range(-r, r) * 0.6,
        cy + rng.range(-r, r) * 0.6,
        26,
        11,
        '#2d6a4f',
        `transform="rotate(${rng.int(0, 180)} ${cx} ${cy})"`,
      ),
    );
}

/** A dish from above: noodles, dumplings, a rice bowl or fruit, with chopsticks and side dishes. */
export function foodPlate(rng: Rng, svg: Svg, palette: Palette): void {
  tableTop(rng, svg, palette);
  const cx = rng.range(380, 520);
  const cy = rng.range(520, 680);
  plate(svg, cx, cy, 340, rng.pick(['#fdfcf8', '#f1faee', lighten(palette[3], 0.7), '#e9ecef']));
  const dish = rng.int(0, 3);
  if (dish === 0) noodles(rng, svg, cx, cy, 240);
  else if (dish === 1) dumplings(rng, svg, cx, cy, 260);
  else if (dish === 2) riceBowl(rng, svg, cx, cy, 240);
  else fruitSalad(rng, svg, cx, cy, 250, palette);
  for (let i = rng.int(1, 2); i > 0; i--) {
    const sx = rng.pick([150, 750]);
    const sy = rng.pick([140, 1080]);
    plate(svg, sx, sy, 110, '#fdfcf8');
    svg.add(circle(sx, sy, 78, rng.pick(['#9e2a2b', '#e9c46a', '#52b788', '#bc6c25'])));
  }
  chopsticks(rng, svg, rng.pick([110, 800]), rng.range(500, 800));
}

/** A coffee cup from above with latte art, a saucer, a spoon and a pastry. */
export function coffeeCup(rng: Rng, svg: Svg, palette: Palette): void {
  tableTop(rng, svg, palette);
  const cx = rng.range(380, 520);
  const cy = rng.range(480, 620);
  const cup = rng.pick(['#fdfcf8', palette[1], palette[3], '#2b2d42', '#e9ecef']);
  plate(svg, cx, cy, 250, lighten(cup, 0.2));
  svg.add(
    group(
      `rotate(${rng.int(-40, 40)} ${cx} ${cy})`,
      rect(cx + 150, cy - 35, 120, 70, cup, 'rx="35"'),
      rect(cx + 185, cy - 15, 60, 30, lighten(cup, 0.3), 'rx="15"'),
    ),
  );
  svg.add(circle(cx, cy, 175, cup), circle(cx, cy, 150, svg.radial(['#b07d4f', '#6f4518'])));
  const foam = '#fbf3e4';
  if (rng.chance(0.5)) {
    svg.add(
      path(
        `M${cx} ${cy + 70} C${cx - 130} ${cy - 10} ${cx - 70} ${cy - 110} ${cx} ${cy - 45} C${cx + 70} ${cy - 110} ${cx + 130} ${cy - 10} ${cx} ${cy + 70} Z`,
        foam,
      ),
    );
  } else {
    for (let i = 0; i < 6; i++) svg.add(ellipse(cx, cy + 70 - i * 24, 80 - i * 11, 16, foam));
    svg.add(stroke(`M${cx} ${cy + 100} L${cx} ${cy - 70}`, foam, 6));
  }
  svg.add(
    group(
      `rotate(${rng.int(-20, 20)} ${cx} ${cy})`,
      rect(cx - 290, cy - 14, 220, 22, '#ced4da', 'rx="11"'),
      ellipse(cx - 300, cy - 3, 40, 28, '#ced4da'),
    ),
  );
  pastry(rng, svg, rng.range(200, 700), rng.range(930, 1060));
}

function pastry(rng: Rng, svg: Svg, x: number, y: number): void {
  if (rng.chance(0.5)) {
    for (let i = 0; i < 5; i++) {
      const t = i / 4 - 0.5;
      svg.add(
        ellipse(
          x + t * 260,
          y - Math.cos(t * Math.PI) * 60,
          70 - Math.abs(t) * 60,
          60 - Math.abs(t) * 40,
          i % 2 ? '#d4913c' : '#e3a857',
        ),
      );
    }
  } else {
    for (let i = 0; i < 3; i++) {
      const cx = x + (i - 1) * 130;
      svg.add(circle(cx, y, 60, '#d8a066'));
      for (let c = 0; c < 6; c++)
        svg.add(circle(cx + rng.range(-35, 35), y + rng.range(-35, 35), 8, '#4a2c1a'));
    }
  }
}
