import type { Rng } from '../random.ts';
import type { Palette } from './palettes.ts';
import { tableTop } from './scenes-food.ts';
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

const turn = (x: number, y: number, deg: number) =>
  `translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${deg.toFixed(1)})`;

/** A study desk from above: open notebook, pen, laptop, mug, sticky notes and a plant. */
export function studyDesk(rng: Rng, svg: Svg, palette: Palette): void {
  tableTop(rng, svg, palette);
  const lines: string[] = [];
  for (let y = -230; y < 240; y += 34) lines.push(stroke(`M-300 ${y} h270 M30 ${y} h270`, '#a8dadc', 2));
  const notes = [
    rect(-320, -270, 640, 540, '#000000', 'opacity="0.12" rx="12" transform="translate(12 14)"'),
  ];
  notes.push(
    rect(-320, -270, 320, 540, '#fffdf7'),
    rect(0, -270, 320, 540, '#fbf8ef'),
    ...lines,
    rect(-3, -270, 6, 540, '#d6ccc2'),
  );
  for (let i = 0; i < 4; i++)
    notes.push(
      stroke(
        `M${-280 + rng.range(0, 80)} ${-200 + i * 68} h${rng.range(80, 200)}`,
        rng.pick([palette[2], '#ffd166', '#90e0ef']),
        18,
        'opacity="0.45"',
      ),
    );
  svg.add(group(turn(rng.range(400, 480), rng.range(620, 720), rng.range(-12, 12)), ...notes));
  svg.add(
    group(
      turn(rng.range(600, 760), rng.range(820, 1000), rng.range(-50, 50)),
      rect(-10, -160, 20, 320, rng.pick(['#1d3557', '#e63946', '#2b2d42']), 'rx="10"'),
      path('M-10 160 L10 160 L0 190 Z', '#d6ccc2'),
    ),
  );
  svg.add(
    group(
      turn(rng.range(250, 650), rng.range(150, 220), rng.range(-8, 8)),
      rect(-260, -150, 520, 300, '#adb5bd', 'rx="24"'),
      rect(-230, -120, 460, 150, '#6c757d', 'rx="10"'),
      rect(-80, 60, 160, 60, '#ced4da', 'rx="10"'),
    ),
  );
  const mx = rng.pick([130, 770]);
  svg.add(
    circle(mx, 1050, 90, rng.pick([palette[3], '#f8f9fa', palette[2]])),
    circle(mx, 1050, 70, '#6f4518'),
  );
  for (let i = 0; i < 3; i++)
    svg.add(
      group(
        turn(rng.range(80, 820), rng.range(330, 420), rng.range(-15, 15)),
        rect(-55, -55, 110, 110, rng.pick(['#ffd166', '#ffafcc', '#a2d2ff', '#caffbf'])),
      ),
    );
  leafyPlant(rng, svg, 900 - mx, 1080);
}

function leafyPlant(rng: Rng, svg: Svg, x: number, y: number): void {
  svg.add(circle(x, y, 95, '#bc6c25'), circle(x, y, 78, '#6b4226'));
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * 360 + rng.range(-15, 15);
    svg.add(group(turn(x, y, a), ellipse(0, -80, 34, 80, rng.pick(['#2d6a4f', '#40916c', '#52b788']))));
  }
}

/** Skincare bottles and jars standing on a pastel shelf with soft shadows. */
export function skincareShelf(rng: Rng, svg: Svg, palette: Palette): void {
  const shelfY = rng.range(880, 960);
  svg.add(rect(0, 0, VIEW_W, VIEW_H, svg.linear([lighten(palette[1], 0.4), palette[1]])));
  svg.add(rect(0, shelfY, VIEW_W, VIEW_H - shelfY, lighten(palette[0], 0.2)));
  const circleBg = rng.pick([palette[2], palette[3]]);
  svg.add(circle(rng.range(300, 600), shelfY - 380, 300, circleBg, 'opacity="0.35"'));
  let x = rng.range(90, 150);
  for (let i = 0; i < 4 && x < 780; i++) {
    const w = rng.range(110, 170);
    const h = rng.range(220, 460);
    const color = rng.pick([palette[2], palette[3], palette[4], '#f8f9fa', '#ffe5d9']);
    svg.add(ellipse(x + w / 2 + 20, shelfY, w * 0.7, 18, '#000000', 'opacity="0.14"'));
    svg.add(
      rect(
        x,
        shelfY - h,
        w,
        h,
        svg.linear([lighten(color, 0.25), color, darken(color, 0.12)], { x2: 1, y2: 0 }),
        `rx="${(w / 4).toFixed(0)}"`,
      ),
    );
    svg.add(rect(x + w * 0.18, shelfY - h + 30, w * 0.12, h - 60, '#ffffff', 'opacity="0.35" rx="8"'));
    svg.add(rect(x + w * 0.3, shelfY - h * 0.55, w * 0.4, h * 0.22, lighten(color, 0.5), 'rx="6"'));
    const cap = rng.pick(['#2b2d42', '#adb5bd', '#d4a373', darken(color, 0.3)]);
    if (rng.chance(0.5)) svg.add(rect(x + w * 0.25, shelfY - h - 70, w * 0.5, 70, cap, 'rx="10"'));
    else
      svg.add(
        rect(x + w * 0.4, shelfY - h - 90, w * 0.2, 90, cap),
        rect(x + w * 0.4, shelfY - h - 100, w * 0.6, 22, cap, 'rx="8"'),
      );
    x += w + rng.range(30, 70);
  }
  for (let i = rng.int(2, 4); i > 0; i--) {
    const dx = rng.range(80, 820);
    const dy = rng.range(shelfY + 60, VIEW_H - 60);
    svg.add(
      path(
        `M${dx} ${dy - 40} Q${dx + 28} ${dy} ${dx} ${dy + 16} Q${dx - 28} ${dy} ${dx} ${dy - 40} Z`,
        '#ffffff',
        'opacity="0.8"',
      ),
    );
  }
  for (let i = 0; i < 3; i++)
    svg.add(path(blob(rng, rng.range(60, 840), rng.range(shelfY + 40, VIEW_H - 40), 40, 0.4), '#95d5b2'));
}

/** An outfit laid flat on a bed: top, trousers, shoes, bag and sunglasses. */
export function outfitFlatLay(rng: Rng, svg: Svg, palette: Palette): void {
  const sheet = rng.pick(['#f8f9fa', '#f5ebe0', lighten(palette[0], 0.3)]);
  svg.add(rect(0, 0, VIEW_W, VIEW_H, sheet));
  for (let i = 0; i < 8; i++)
    svg.add(stroke(`M0 ${rng.range(0, VIEW_H)} q450 ${rng.range(-80, 80)} 900 0`, darken(sheet, 0.06), 6));
  const top = rng.pick([palette[2], palette[3], palette[4], '#e9c46a', '#adc178']);
  svg.add(
    group(
      turn(420, 330, rng.range(-8, 8)),
      path(
        'M-110 -170 L-230 -110 L-190 0 L-130 -30 L-130 190 L130 190 L130 -30 L190 0 L230 -110 L110 -170 Q0 -110 -110 -170 Z',
        top,
      ),
      path('M-60 -160 Q0 -120 60 -160', 'none', `stroke="${darken(top, 0.2)}" stroke-width="8"`),
    ),
  );
  const pants = rng.pick(['#264653', '#6c584c', '#adb5bd', '#1d3557', '#d5bdaf']);
  svg.add(
    group(
      turn(430, 800, rng.range(-6, 6)),
      path('M-120 -250 L120 -250 L140 260 L30 260 L0 -40 L-30 260 L-140 260 Z', pants),
      rect(-120, -250, 240, 30, darken(pants, 0.15)),
    ),
  );
  const shoe = rng.pick(['#f8f9fa', '#2b2d42', '#e76f51']);
  for (const dx of [0, 110])
    svg.add(
      group(
        turn(680 + dx, 1010, rng.range(-10, 10)),
        ellipse(0, 0, 48, 110, shoe),
        ellipse(0, -40, 30, 44, darken(shoe, 0.1)),
      ),
    );
  const bag = rng.pick([palette[4], '#bc6c25', '#e5989b']);
  svg.add(
    group(
      turn(730, 520, rng.range(-15, 15)),
      stroke('M-70 -60 Q0 -170 70 -60', darken(bag, 0.2), 14),
      rect(-110, -70, 220, 170, bag, 'rx="26"'),
    ),
  );
  svg.add(
    group(
      turn(170, 980, rng.range(-20, 20)),
      circle(-55, 0, 48, '#2b2d42'),
      circle(55, 0, 48, '#2b2d42'),
      stroke('M-10 -6 q10 -12 20 0', '#2b2d42', 6),
    ),
  );
}

/** A workout corner from above: yoga mat, dumbbells, water bottle and a towel. */
export function workout(rng: Rng, svg: Svg, palette: Palette): void {
  const floor = rng.pick(['#c9a27e', '#ced4da', '#b08968', '#e9ecef']);
  svg.add(rect(0, 0, VIEW_W, VIEW_H, floor));
  for (let x = 0; x < VIEW_W; x += 120) svg.add(rect(x, 0, 3, VIEW_H, darken(floor, 0.1)));
  const mat = rng.pick([palette[2], palette[3], '#7b2cbf', '#00b4d8', '#f28482']);
  svg.add(
    group(
      turn(400, 600, rng.range(-10, 10)),
      rect(-200, -480, 400, 960, '#000000', 'rx="30" opacity="0.12" transform="translate(14 16)"'),
      rect(-200, -480, 400, 960, mat, 'rx="30"'),
      rect(-200, -480, 400, 40, darken(mat, 0.15), 'rx="20"'),
    ),
  );
  const bell = rng.pick(['#2b2d42', '#e63946', '#ffb703', '#457b9d']);
  for (const y of [260, 420]) {
    svg.add(
      group(
        turn(720, y, rng.range(-20, 20)),
        rect(-80, -12, 160, 24, '#adb5bd', 'rx="10"'),
        rect(-110, -50, 50, 100, bell, 'rx="16"'),
        rect(60, -50, 50, 100, bell, 'rx="16"'),
      ),
    );
  }
  const bottle = rng.pick(['#48cae4', '#f8f9fa', '#95d5b2']);
  svg.add(
    group(
      turn(720, 800, rng.range(-30, 30)),
      rect(-45, -150, 90, 300, bottle, 'rx="40" opacity="0.9"'),
      rect(-30, -190, 60, 50, '#2b2d42', 'rx="12"'),
      rect(-30, -100, 18, 200, '#ffffff', 'opacity="0.4" rx="9"'),
    ),
  );
  const towel = rng.pick(['#f8f9fa', palette[1], '#ffafcc']);
  svg.add(
    group(
      turn(180, 1030, rng.range(-15, 15)),
      rect(-140, -90, 280, 180, towel, 'rx="10"'),
      rect(-140, 50, 280, 16, darken(towel, 0.15)),
    ),
  );
}
