import type { Paint, PortraitCanvas, Shape } from "./localPortraitCanvas.ts";
import type { Head } from "./localPortraitHead.ts";
import { shade } from "./localPortraitPalette.ts";
import { box, ellipseShape } from "./localPortraitShapes.ts";
import type { PortraitTraits } from "./localPortraitTraits.ts";

const smoothstep = (a: number, b: number, v: number) => {
  const t = Math.max(0, Math.min(1, (v - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/** Hair colour with a band of sheen across the crown and faint strands. */
function hairPaint(traits: PortraitTraits, head: Head): Paint {
  const colour = traits.hair.colour;
  return (x, y) => {
    const sheen = Math.exp(-(((y + head.ry * 0.62 + 0.28 * x) / 16) ** 2)) * 0.22;
    const strands = 0.035 * Math.sin(x * 0.2 + Math.sin(y * 0.05) * 2);
    const depth = 0.12 * smoothstep(0.6, 1.3, Math.abs(x) / head.rx);
    return shade(colour, 0.88 + sheen + strands - depth);
  };
}

/** How far the hair reaches down the back and its half-width there, or null for none. */
function curtain(traits: PortraitTraits, head: Head): { bottom: number; width: number } | null {
  const { length, style } = traits.hair;
  // Buns and ponytails pull the hair back off the shoulders.
  if (style === "afro" || style === "bun" || style === "ponytail") return null;
  if (length === "bald" || length === "buzz" || length === "short") return null;
  const width = head.rx * (style === "curly" ? 1.38 : 1.24);
  return length === "long" ? { bottom: 270, width } : { bottom: 118, width };
}

/** The edge of the hair wobbles with its style: waves are gentle, curls are tight. */
function wobble(traits: PortraitTraits, y: number): number {
  switch (traits.hair.style) {
    case "wavy":
      return 1 + 0.05 * Math.sin(y * 0.08);
    case "curly":
    case "afro":
      // Scallops, not spikes: curls are round at the edge.
      return 1 + 0.07 * Math.abs(Math.sin(y * 0.11));
    default:
      return 1;
  }
}

/** Hair hanging from the crown: rounded where it leaves the head, narrowing toward the ends. */
const curtainShape =
  (traits: PortraitTraits, reach: { bottom: number; width: number }): Shape =>
  (x, y) => {
    if (y < -60 || y > reach.bottom) return 0;
    const w = reach.width * wobble(traits, y) * (1 - 0.1 * smoothstep(reach.bottom - 60, reach.bottom, y));
    if (y < 30 && (x / w) ** 2 + ((y - 30) / 90) ** 2 > 1) return 0;
    const bottom = reach.bottom - 26 * (x / reach.width) ** 2;
    return Math.abs(x) <= w && y <= bottom ? 1 : 0;
  };

export function drawHairBack(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const { rx, ry } = head;
  const paint = hairPaint(traits, head);
  const { style, length } = traits.hair;
  if (length === "bald") return;
  if (style === "afro") {
    const r = rx * 1.7;
    const afro: Shape = (x, y) => {
      const angle = Math.atan2(y + 26, x);
      return Math.hypot(x, y + 26) <= r * (1 + 0.05 * Math.abs(Math.sin(angle * 9))) ? 1 : 0;
    };
    canvas.fill(box(-r * 1.1, -26 - r * 1.1, r * 1.1, -26 + r * 1.1), afro, paint);
    return;
  }
  const reach = curtain(traits, head);
  // Short hair stops above the ears; longer hair continues in the curtain below.
  const nape = reach ? 30 : length === "short" ? 0 : -12;
  const crown = ellipseShape(0, -10, rx * 1.12, ry * 1.06);
  canvas.fill(
    box(-rx * 1.12, -10 - ry * 1.06, rx * 1.12, nape),
    (x, y) => (y <= nape ? crown(x, y) : 0),
    paint,
  );
  if (reach)
    canvas.fill(
      box(-reach.width * 1.2, -60, reach.width * 1.2, reach.bottom),
      curtainShape(traits, reach),
      paint,
    );
  if (style === "bun") canvas.ellipse(0, -ry * 1.1, 36, 32, paint);
  if (style === "ponytail") {
    const side = traits.hair.parting;
    canvas.polygon(
      [
        [side * rx * 0.7, -40],
        [side * rx * 1.35, 20],
        [side * rx * 1.3, 150],
        [side * rx * 1.05, 160],
        [side * rx * 0.9, 30],
      ],
      paint,
    );
  }
}

export function drawHairFront(canvas: PortraitCanvas, traits: PortraitTraits, head: Head): void {
  const { rx, ry } = head;
  const { length, style, bangs, parting } = traits.hair;
  if (length === "bald") return;
  const paint = hairPaint(traits, head);
  const capRx = rx * (length === "buzz" ? 1.03 : 1.1);
  const capRy = ry * (length === "buzz" ? 1.02 : 1.08);
  const curly = style === "curly" || style === "afro";
  const hairline = (x: number) => {
    const side = smoothstep(0.62, 0.98, Math.abs(x) / rx) * ry * (length === "buzz" ? 0.42 : 0.56);
    if (bangs && length !== "buzz") return -ry * 0.46 + 3 * Math.sin(x * 0.16) + side;
    const sweep = -ry * 0.6 + 0.14 * ry * ((x * parting) / rx);
    return sweep + side + (curly ? 4 * Math.sin(x * 0.3) : 0);
  };
  const cap: Shape = (x, y) => {
    const grow = curly ? 1 + 0.04 * Math.abs(Math.sin(Math.atan2(y + 8, x) * 9)) : 1;
    return (x / (capRx * grow)) ** 2 + ((y + 8) / (capRy * grow)) ** 2 <= 1 && y <= hairline(x) ? 1 : 0;
  };
  const area = box(-capRx * 1.1, -capRy * 1.1 - 8, capRx * 1.1, ry * 0.6);
  canvas.fill(area, cap, paint, length === "buzz" ? 0.75 : 1);
  const reach = curtain(traits, head);
  if (!reach || style === "bun" || style === "ponytail") return;
  // Locks in front frame the face and fall over the shoulders, leaving the face itself clear.
  const inner = (y: number) => rx * (0.84 + 0.3 * smoothstep(10, 130, y));
  const inCurtain = curtainShape(traits, reach);
  const locks: Shape = (x, y) => (y > -ry * 0.45 && Math.abs(x) >= inner(y) && inCurtain(x, y) ? 1 : 0);
  canvas.fill(box(-reach.width * 1.2, -ry * 0.45, reach.width * 1.2, reach.bottom), locks, paint);
  if (style === "braids") drawBraids(canvas, traits, head, reach.bottom);
}

function drawBraids(canvas: PortraitCanvas, traits: PortraitTraits, head: Head, bottom: number): void {
  const colour = shade(traits.hair.colour, 0.95);
  for (const side of [-1, 1]) {
    for (let y = 40; y < bottom + 30; y += 16) {
      const x = side * head.rx * (1.02 + 0.12 * (y / bottom));
      canvas.ellipse(x, y, 13, 10, shade(colour, 0.8));
      canvas.ellipse(x - 2, y - 2, 10, 7, colour);
    }
  }
}
