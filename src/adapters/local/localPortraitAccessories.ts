import type { PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import type { Head } from "./localPortraitHead.ts";
import type { Rgb } from "./localPortraitPalette.ts";
import { box, curve } from "./localPortraitShapes.ts";
import type { PortraitTraits } from "./localPortraitTraits.ts";

export function drawGlasses(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  if (traits.glasses === "none") return;
  const a = 25;
  const b = 19;
  const lens =
    (cx: number, grow: number): Shape =>
    (x, y) =>
      ((x - cx) / (a + grow)) ** 4 + ((y - head.eyeY) / (b + grow)) ** 4 <= 1 ? 1 : 0;
  for (const side of [-1, 1]) {
    const cx = side * head.eyeX;
    const area = box(cx - a - 4, head.eyeY - b - 4, cx + a + 4, head.eyeY + b + 4);
    if (traits.glasses === "sun") canvas.fill(area, lens(cx, 0), [24, 26, 34], 0.88);
    else canvas.fill(area, lens(cx, 0), [235, 245, 255], 0.1);
    canvas.fill(area, (x, y) => (lens(cx, 3.2)(x, y) && !lens(cx, 0)(x, y) ? 1 : 0), traits.frameColour);
    canvas.stroke(
      [
        [cx + side * (a + 2), head.eyeY - 6],
        [side * head.rx * 0.98, head.eyeY - 4],
      ],
      3,
      traits.frameColour,
    );
    canvas.stroke(
      [
        [cx - side * 10, head.eyeY - 10],
        [cx - side * 4, head.eyeY - 14],
      ],
      2,
      [255, 255, 255],
      0.45,
    );
  }
  canvas.stroke(
    curve([-head.eyeX + a, head.eyeY - 5], [0, head.eyeY - 11], [head.eyeX - a, head.eyeY - 5]),
    3,
    traits.frameColour,
  );
}

export function drawEarrings(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const gold: Rgb = [226, 186, 84];
  for (const side of [-1, 1]) {
    const x = side * head.rx * 0.98;
    if (traits.earrings === "studs") {
      canvas.ellipse(x, 30, 3.6, 3.6, gold);
      canvas.ellipse(x - 1, 29, 1.2, 1.2, [255, 246, 210]);
    } else if (traits.earrings === "hoops") {
      const hoop: Shape = (px, py) => {
        const d = Math.hypot(px - x, py - 42);
        return d <= 11 && d >= 8.4 ? 1 : 0;
      };
      canvas.fill(box(x - 12, 30, x + 12, 54), hoop, gold);
    }
  }
}
