import type { PortraitCanvas } from "./localPortraitCanvas.ts";
import { bokeh } from "./localPortraitOutdoors.ts";
import { always, glow, skyFor, vertical } from "./localPortraitPaints.ts";
import { mix, type Rgb, shade } from "./localPortraitPalette.ts";
import { between, pick, type Random } from "./localPortraitRandom.ts";
import type { Lighting } from "./localPortraitScene.ts";
import { box } from "./localPortraitShapes.ts";

const FULL = box(0, 0, 512, 512);

function window(
  canvas: PortraitCanvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  lighting: Lighting,
): void {
  const { top, horizon } = skyFor(lighting);
  canvas.rect(x0 - 8, y0 - 8, x1 + 8, y1 + 8, [236, 232, 226]);
  canvas.fill(box(x0, y0, x1, y1), always, vertical(top, horizon, y0, y1));
  canvas.rect((x0 + x1) / 2 - 3, y0, (x0 + x1) / 2 + 3, y1, [236, 232, 226]);
  canvas.rect(x0, (y0 + y1) / 2 - 3, x1, (y0 + y1) / 2 + 3, [236, 232, 226]);
}

function lamp(canvas: PortraitCanvas, x: number, y: number, colour: Rgb): void {
  canvas.fill(box(x - 90, y - 90, x + 90, y + 90), glow(x, y + 10, 90), [255, 214, 150], 0.6);
  canvas.polygon(
    [
      [x - 26, y + 14],
      [x + 26, y + 14],
      [x + 14, y - 18],
      [x - 14, y - 18],
    ],
    colour,
  );
}

export function cafe(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  const wall: Rgb = [128, 86, 60];
  canvas.fill(FULL, always, vertical(mix(wall, [200, 150, 110], 0.3), shade(wall, 0.6), 0, 512));
  const side = random() < 0.5 ? 24 : 312;
  window(canvas, side, 40, side + 176, 290, lighting);
  canvas.rect(0, 330, 512, 338, [84, 56, 40]);
  for (let x = 18; x < 512; x += between(random, 30, 56)) {
    const cup: Rgb = pick(random, [
      [240, 236, 226],
      [200, 90, 70],
      [90, 130, 150],
    ]);
    canvas.rect(x, 312, x + 16, 330, cup);
  }
  for (const x of [140, 372]) {
    canvas.rect(x - 1, 0, x + 1, 70, [40, 30, 26]);
    lamp(canvas, x, 84, [48, 38, 30]);
  }
  bokeh(
    canvas,
    random,
    [
      [255, 206, 140],
      [255, 170, 110],
    ],
    8,
  );
}

export function bedroom(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  const wall: Rgb = pick(random, [
    [226, 206, 196],
    [206, 214, 226],
    [222, 214, 190],
  ]);
  canvas.fill(FULL, always, vertical(wall, shade(wall, 0.8), 0, 512));
  window(canvas, 330, 50, 480, 250, lighting);
  const curtain: Rgb = pick(random, [
    [170, 120, 120],
    [120, 140, 170],
    [200, 180, 140],
  ]);
  canvas.polygon(
    [
      [316, 30],
      [352, 30],
      [340, 280],
      [306, 290],
    ],
    curtain,
  );
  canvas.polygon(
    [
      [458, 30],
      [494, 30],
      [504, 290],
      [470, 280],
    ],
    curtain,
  );
  const wood: Rgb = [150, 112, 86];
  canvas.rect(40, 330, 472, 512, wood);
  canvas.ellipse(256, 332, 216, 30, shade(wood, 1.1));
  canvas.rect(8, 390, 70, 512, shade(wood, 0.8));
  lamp(canvas, 40, 340, [240, 226, 200]);
}

export function office(canvas: PortraitCanvas, random: Random, lighting: Lighting): void {
  canvas.fill(FULL, always, vertical([232, 234, 236], [196, 200, 206], 0, 512));
  const { top, horizon } = skyFor(lighting);
  canvas.fill(box(28, 40, 220, 300), always, vertical(top, horizon, 40, 300));
  for (let y = 44; y < 300; y += 12) canvas.rect(28, y, 220, y + 6, [226, 228, 230], 0.9);
  canvas.rect(320, 120, 500, 126, [120, 100, 84]);
  for (let x = 326; x < 494; x += between(random, 10, 18)) {
    const book: Rgb = pick(random, [
      [170, 60, 60],
      [60, 90, 150],
      [220, 190, 90],
      [70, 130, 100],
      [230, 230, 226],
    ]);
    canvas.rect(x, 120 - between(random, 26, 44), x + 8, 120, book);
  }
  canvas.polygon(
    [
      [420, 512],
      [408, 430],
      [472, 430],
      [460, 512],
    ],
    [180, 110, 80],
  );
  for (let i = 0; i < 9; i += 1) {
    const angle = -Math.PI / 2 + (i - 4) * 0.32;
    const x = 440 + Math.cos(angle) * 48;
    const y = 420 + Math.sin(angle) * 60;
    canvas.ellipse(x, y, 14, 30, [60 + i * 6, 130 + i * 4, 70], 1);
  }
}

export function rain(canvas: PortraitCanvas, random: Random): void {
  canvas.fill(FULL, always, vertical([84, 96, 116], [52, 60, 74], 0, 512));
  for (let x = -10; x < 520; x += between(random, 40, 80)) {
    canvas.rect(x, between(random, 140, 300), x + between(random, 30, 70), 512, [62, 70, 86], 0.8);
  }
  bokeh(
    canvas,
    random,
    [
      [255, 200, 120],
      [200, 220, 255],
      [255, 150, 150],
    ],
    16,
  );
}

/** Streaks in front of everything, so the rain falls between the viewer and the person. */
export function rainfall(canvas: PortraitCanvas, random: Random): void {
  for (let i = 0; i < 140; i += 1) {
    const x = random() * 560 - 24;
    const y = random() * 512;
    const length = between(random, 14, 34);
    canvas.stroke(
      [
        [x, y],
        [x - length * 0.25, y + length],
      ],
      1.1,
      [220, 230, 245],
      0.35,
    );
  }
}
