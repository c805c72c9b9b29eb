import { describe, expect, it } from "vitest";
import {
  finishRows,
  type PortraitRequest,
  planPortrait,
} from "../../../src/adapters/local/localPortraitDraw.ts";
import { headGeometry } from "../../../src/adapters/local/localPortraitHead.ts";
import { clothingColours, hairColours, type Rgb } from "../../../src/adapters/local/localPortraitPalette.ts";
import { seedFrom } from "../../../src/application/engine/replyWriter.ts";
import { describeScene, type SceneInput } from "../../../src/application/imageRequests/scenePrompt.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";

const SIZE = 256;

interface Drawn {
  rgba: Uint8Array;
  plan: ReturnType<typeof planPortrait>;
  head: ReturnType<typeof headGeometry>;
}

function draw(appearancePrompt: string, over: Partial<PortraitRequest> = {}): Drawn {
  const plan = planPortrait({
    kind: "basePortrait",
    subjectKey: "agent-table",
    appearancePrompt,
    scenePrompt: "",
    seed: 7,
    size: SIZE,
    supersample: 1,
    ...over,
  });
  for (const step of plan.steps) step();
  const rgba = new Uint8Array(SIZE * SIZE * 4);
  finishRows(plan, rgba, 0, SIZE);
  return { rgba, plan, head: headGeometry(plan.traits) };
}

/** The mean colour of a box given in figure units (the face centred on 0, 0), through the picture's view. */
function meanColour(drawn: Drawn, x0: number, y0: number, x1: number, y1: number): Rgb {
  const { ox, oy, zoom } = drawn.plan.view;
  const toPx = (v: number, o: number) => Math.round(((o + v * zoom) * SIZE) / 512);
  const sum = [0, 0, 0];
  let n = 0;
  for (let py = toPx(y0, oy); py <= toPx(y1, oy); py++)
    for (let px = toPx(x0, ox); px <= toPx(x1, ox); px++) {
      const at = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) sum[c]! += drawn.rgba[at + c]!;
      n++;
    }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const luminance = (c: Rgb) => 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];

type Region = (d: Drawn) => [number, number, number, number];
const crown: Region = ({ head }) => [-20, -head.ry * 0.98, 20, -head.ry * 0.9];
const aboveHead: Region = ({ head }) => [-18, -head.ry * 1.42, 18, -head.ry * 1.3];
const besideNeck: Region = ({ head }) => [head.rx * 1.16, 140, head.rx * 1.21, 180];
const capBand: Region = ({ head }) => [-25, -head.ry * 0.95, 25, -head.ry * 0.85];
const brim: Region = ({ head }) => [head.rx * 1.35, -head.ry * 0.64, head.rx * 1.55, -head.ry * 0.6];
const chin: Region = ({ head }) => [-14, head.ry * 0.82, 14, head.ry * 0.9];
const lip: Region = ({ head }) => [-8, head.mouthY - 10, 8, head.mouthY - 6];
const eye: Region = ({ head }) => [head.eyeX - 8, head.eyeY - 4, head.eyeX + 8, head.eyeY + 4];
const lensRim: Region = ({ head }) => [head.eyeX + 25, head.eyeY - 2, head.eyeX + 28, head.eyeY + 2];
const chest: Region = () => [-150, 215, -90, 240];

/** Each named attribute against a prompt without it: the region must take the named colour. */
const CASES: readonly {
  attribute: string;
  with: string;
  without: string;
  region: Region;
  colour: Rgb | "dark";
}[] = [
  {
    attribute: "dark hair (Mia)",
    with: "a woman with curly dark hair",
    without: "a woman with curly blonde hair",
    region: crown,
    colour: hairColours.dark!,
  },
  {
    attribute: "red hair",
    with: "a man with short red hair",
    without: "a man with short black hair",
    region: crown,
    colour: hairColours.red!,
  },
  {
    attribute: "long hair",
    with: "a woman with long black hair, white t-shirt",
    without: "a woman with short black hair, white t-shirt",
    region: besideNeck,
    colour: hairColours.black!,
  },
  {
    attribute: "afro",
    with: "a man with a black afro",
    without: "a man with short straight black hair",
    region: aboveHead,
    colour: hairColours.black!,
  },
  {
    attribute: "bun",
    with: "a woman with black hair in a bun",
    without: "a woman with straight black hair",
    region: ({ head }) => [-12, -head.ry * 1.2, 12, -head.ry * 1.12],
    colour: hairColours.black!,
  },
  {
    attribute: "flat cap",
    with: "a man with brown hair and a grey flat cap",
    without: "a man with brown hair",
    region: capBand,
    colour: clothingColours.grey!,
  },
  {
    attribute: "beanie",
    with: "a man with brown hair in a red beanie",
    without: "a man with brown hair",
    region: capBand,
    colour: clothingColours.red!,
  },
  {
    attribute: "baseball cap",
    with: "a woman with black hair and a navy baseball cap",
    without: "a woman with black hair",
    region: capBand,
    colour: clothingColours.navy!,
  },
  {
    attribute: "straw hat",
    with: "a woman with brown hair in a straw hat",
    without: "a woman with brown hair",
    region: brim,
    colour: [222, 196, 130],
  },
  {
    attribute: "beret",
    with: "a woman with black hair and a mustard beret",
    without: "a woman with black hair",
    region: capBand,
    colour: clothingColours.mustard!,
  },
  { attribute: "sunglasses", with: "a man with sunglasses", without: "a man", region: eye, colour: "dark" },
  {
    attribute: "glasses",
    with: "a man with black glasses, fair skin",
    without: "a man, fair skin",
    region: lensRim,
    colour: "dark",
  },
  {
    attribute: "full beard",
    with: "a blonde man with a black beard",
    without: "a blonde man",
    region: chin,
    colour: hairColours.black!,
  },
  {
    attribute: "moustache",
    with: "a man with black hair and a moustache",
    without: "a man with black hair",
    region: lip,
    colour: hairColours.black!,
  },
  {
    attribute: "goatee",
    with: "a man with black hair and a goatee",
    without: "a man with black hair",
    region: chin,
    colour: hairColours.black!,
  },
  {
    attribute: "red hoodie",
    with: "a man in a red hoodie",
    without: "a man in a blue hoodie",
    region: chest,
    colour: clothingColours.red!,
  },
  {
    attribute: "teal sweater",
    with: "a woman in a teal sweater",
    without: "a woman in a mustard sweater",
    region: chest,
    colour: clothingColours.teal!,
  },
];

describe("portrait attributes named in the appearance prompt are drawn", () => {
  it.each(CASES)("$attribute", (c) => {
    const withIt = draw(c.with);
    const without = draw(c.without);
    const a = meanColour(withIt, ...c.region(withIt));
    const b = meanColour(without, ...c.region(without));
    expect(distance(a, b), `${c.attribute}: ${a} vs ${b}`).toBeGreaterThan(40);
    if (c.colour === "dark") {
      expect(luminance(a)).toBeLessThan(luminance(b) - 40);
    } else {
      expect(distance(a, c.colour), `${c.attribute}: ${a}`).toBeLessThan(60);
      expect(distance(b, c.colour)).toBeGreaterThan(distance(a, c.colour));
    }
  });

  it("draws a stubbled chin darker than a shaven one", () => {
    const stubble = meanColour(draw("a man with black hair and stubble"), ...chin(draw("a man")));
    const shaven = meanColour(draw("a man with black hair"), ...chin(draw("a man")));
    expect(luminance(stubble)).toBeLessThan(luminance(shaven) - 10);
  });

  it("draws a dress and a jacket differently in the same colour", () => {
    const dress = draw("a woman in a navy dress");
    const jacket = draw("a woman in a navy jacket");
    let differing = 0;
    for (let i = 0; i < dress.rgba.length; i += 4) if (dress.rgba[i] !== jacket.rgba[i]) differing++;
    expect(differing / (SIZE * SIZE)).toBeGreaterThan(0.02);
  });
});

describe("regenerated portraits and selfies", () => {
  it("regenerates a base portrait with a new pose, expression and backdrop and the same face", () => {
    const takes = [1, 2, 3, 4, 5, 6].map((seed) => draw("a woman with curly dark hair, fair skin", { seed }));
    for (const take of takes) expect(take.plan.traits).toEqual(takes[0]!.plan.traits);
    expect(new Set(takes.map((t) => JSON.stringify(t.plan.view))).size).toBe(takes.length);
    expect(new Set(takes.map((t) => t.plan.scene.expression)).size).toBeGreaterThan(1);
    const corner = (t: Drawn) => [...t.rgba.subarray(0, 3)].join();
    expect(new Set(takes.map(corner)).size).toBeGreaterThan(1);
    const skin = takes.map((t) => meanColour(t, -10, 8, 10, 16));
    for (const s of skin) expect(distance(s, skin[0]!)).toBeLessThan(12);
  });

  it("draws two selfies 35 minutes apart as two different pictures", () => {
    const at = (iso: string): SceneInput => {
      const local = localDateTime(new Date(iso), "Europe/Lisbon");
      return {
        identity: {
          homeCity: "Lisbon",
          country: "Portugal",
          occupation: "illustrator",
          timezone: "Europe/Lisbon",
        },
        localTime: { ...local, label: local.label },
        weather: { season: "winter", condition: "mild and rainy", temperatureC: 13, phrase: "" },
        availability: { status: "free", reason: "", replyMode: "normal", maxSentences: 3 },
        activeScenarios: [],
        mood: { name: "content", intensity: 0.5 },
        recentMessages: [],
        personMessage: "send me a selfie",
        kind: "selfie",
      };
    };
    const first = describeScene(at("2025-12-03T20:10:00Z"));
    const second = describeScene(at("2025-12-03T20:45:00Z"));
    const selfie = (prompt: string, jobId: string) =>
      draw("a woman with curly dark hair", {
        kind: "variation",
        scenePrompt: prompt,
        seed: seedFrom(`${jobId}:1`),
      });
    const one = selfie(first.prompt, "job-1");
    const two = selfie(second.prompt, "job-2");
    expect(Buffer.compare(Buffer.from(one.rgba), Buffer.from(two.rgba))).not.toBe(0);
    expect(one.plan.traits).toEqual(two.plan.traits);
  });
});
