import { assertNever } from "../../domain/shared/decider.ts";
import type { Paint, PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import type { Head } from "./localPortraitHead.ts";
import type { HeadwearTrait } from "./localPortraitHeadwearWords.ts";
import { type Rgb, shade } from "./localPortraitPalette.ts";
import { box } from "./localPortraitShapes.ts";
import type { HairStyle } from "./localPortraitVocabulary.ts";

/** What drawing headwear needs to know of the portrait: the headwear, and the hair it sits on. */
export interface HeadwearDrawing {
  headwear: HeadwearTrait;
  hair: { parting: -1 | 1; style: HairStyle };
}

/** Cloth with a faint weave, lit from the upper left like the face. */
function clothPaint(colour: Rgb, rx: number): Paint {
  return (x, y) => shade(colour, 0.95 + 0.05 * (-x / rx) + 0.035 * Math.sin(x * 0.9) * Math.sin(y * 0.9));
}

const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 ? 1 : 0;

/** Drawn over the hair: it hides the crown and sits on the brow line. */
export function drawHeadwear(canvas: PortraitCanvas, traits: HeadwearDrawing, head: Head): void {
  const { kind, colour } = traits.headwear;
  if (kind === "none") return;
  const { rx, ry } = head;
  const paint = clothPaint(colour, rx);
  const dark = shade(colour, 0.72);
  const area = box(-rx * 1.9, -ry * 1.5, rx * 1.9, -ry * 0.3);
  switch (kind) {
    case "flatCap": {
      // Flat on top, wider than the head, with a short peak over the brow.
      const crown = ellipse(0, -ry * 0.8, rx * 1.22, ry * 0.44);
      canvas.fill(area, (x, y) => (crown(x, y) && y >= -ry * 1.13 && y <= -ry * 0.52 ? 1 : 0), paint);
      canvas.fill(
        area,
        (x, y) => (ellipse(0, -ry * 0.55, rx * 1.02, 13)(x, y) && y >= -ry * 0.55 ? 1 : 0),
        dark,
      );
      canvas.stroke(
        [
          [-rx * 1.1, -ry * 0.6],
          [rx * 1.1, -ry * 0.6],
        ],
        2,
        shade(colour, 0.6),
        0.6,
      );
      return;
    }
    case "beanie": {
      const dome = ellipse(0, -ry * 0.5, rx * 1.16, ry * 0.7);
      canvas.fill(area, (x, y) => (dome(x, y) && y <= -ry * 0.44 ? 1 : 0), paint);
      // A ribbed cuff round the forehead.
      const cuff: Shape = (x, y) => (dome(x, y) && y >= -ry * 0.62 && y <= -ry * 0.44 ? 1 : 0);
      canvas.fill(area, cuff, (x) => shade(colour, 0.82 + 0.1 * Math.abs(Math.sin(x * 0.35))));
      return;
    }
    case "baseballCap": {
      const dome = ellipse(0, -ry * 0.5, rx * 1.12, ry * 0.64);
      canvas.fill(area, (x, y) => (dome(x, y) && y <= -ry * 0.5 ? 1 : 0), paint);
      canvas.fill(
        area,
        (x, y) => (ellipse(0, -ry * 0.5, rx * 1.0, 20)(x, y) && y >= -ry * 0.5 ? 1 : 0),
        dark,
      );
      canvas.ellipse(0, -ry * 1.12, 6, 5, dark);
      return;
    }
    case "beret": {
      const side = traits.hair.parting;
      // On an afro it sits on top of the hair, not on the scalp.
      const y = traits.hair.style === "afro" ? -26 - rx * 1.45 : -ry * 0.86;
      canvas.fill(
        box(-rx * 1.9, y - ry * 0.5, rx * 1.9, y + ry * 0.4),
        ellipse(side * 18, y, rx * 1.18, ry * 0.3),
        paint,
      );
      canvas.ellipse(side * 18, y - ry * 0.29, 4, 6, dark);
      return;
    }
    case "hat": {
      const crown: Shape = (x, y) =>
        y >= -ry * 1.38 && y <= -ry * 0.62 && Math.abs(x) <= rx * (0.92 - 0.12 * ((y + ry * 0.62) / -ry) ** 2)
          ? 1
          : 0;
      canvas.fill(area, crown, paint);
      canvas.fill(area, (x, y) => (y >= -ry * 0.8 && y <= -ry * 0.68 && crown(x, y) ? 1 : 0), dark);
      canvas.fill(area, ellipse(0, -ry * 0.62, rx * 1.78, 17), paint);
      return;
    }
    default:
      assertNever(kind);
  }
}
