import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { PNG } from "pngjs";
import { drawPortraitPng } from "../../src/adapters/local/localPortraitDraw.ts";
import { LocalPortraitRenderer } from "../../src/adapters/local/localPortraitRenderer.ts";
import { perSecond, report, timed } from "./support.ts";

const BLANKS = 100;
const PORTRAITS = 40;
const THROUGH_PORT = 20;

const appearances = [
  "a 28-year-old woman with long wavy auburn hair, green eyes, freckles, fair skin, a mustard sweater",
  "a man in his 40s, short black hair, beard, glasses, olive skin, navy shirt",
  "young woman, curly black hair, dark brown skin, hoop earrings, red hoodie",
  "elderly man, bald, grey moustache, blue eyes, brown jacket",
];
const scenes = [
  "",
  "selfie on the beach at sunset",
  "half-body in the city at night",
  "in a cozy café",
  "rainy day",
];

const request = (i: number) => ({
  kind: i % scenes.length === 0 ? ("basePortrait" as const) : ("variation" as const),
  subjectKey: `agent-${i % appearances.length}`,
  appearancePrompt: appearances[i % appearances.length]!,
  scenePrompt: scenes[i % scenes.length]!,
  seed: i,
});

/** Portraits/s from the local renderer against encoding a blank 512×512 PNG with pngjs. */
export default async function portraitRendererBench(): Promise<void> {
  const blank = await timed(async () => {
    for (let i = 0; i < BLANKS; i += 1) PNG.sync.write(new PNG({ width: 512, height: 512 }));
  });
  drawPortraitPng(request(0));
  const drawn = await timed(async () => {
    let bytes = 0;
    for (let i = 0; i < PORTRAITS; i += 1) bytes += drawPortraitPng(request(i)).length;
    return bytes;
  });

  const threaded = await throughPort(true);
  const sliced = await throughPort(false);

  const blankRate = perSecond(BLANKS, blank.ms);
  const drawRate = (PORTRAITS / drawn.ms) * 1000;
  report("local portrait renderer (512×512 PNG, 2× supersampling)", [
    {
      name: `portraits drawn and encoded (${PORTRAITS})`,
      value: `${drawRate.toFixed(1)} portraits/s (${Math.round(drawn.result / PORTRAITS / 1024)} KiB each)`,
      baseline: `${blankRate} blank 512×512 PNG encodes/s`,
      ratio: drawRate / blankRate,
    },
    ...[threaded, sliced].flatMap((run) => [
      {
        name: `port, ${run.where} (${THROUGH_PORT})`,
        value: `${((THROUGH_PORT / run.ms) * 1000).toFixed(1)} portraits/s`,
      },
      {
        name: `  event-loop delay meanwhile`,
        value: `p99 ${run.p99.toFixed(1)} ms, max ${run.max.toFixed(1)} ms`,
        target: "≤ 50 ms max",
      },
    ]),
  ]);
}

/** Submits a batch through the port and polls it out, watching how long the event loop stalls. */
async function throughPort(thread: boolean) {
  const renderer = new LocalPortraitRenderer({ thread });
  await renderer.submit({ kind: "basePortrait", prompt: appearances[0]!, seed: 0 }).then(async (job) => {
    while ((await renderer.status(job)).state !== "succeeded") await sleep(10);
  });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const run = await timed(async () => {
    const jobs = [];
    for (let i = 0; i < THROUGH_PORT; i += 1) {
      const r = request(i);
      const prompt = r.kind === "basePortrait" ? r.appearancePrompt : r.scenePrompt;
      const subject = { id: r.subjectKey, appearancePrompt: r.appearancePrompt };
      jobs.push(await renderer.submit({ kind: r.kind, prompt, subject, seed: r.seed }));
    }
    for (const job of jobs) {
      while (!["succeeded", "failed"].includes((await renderer.status(job)).state)) await sleep(10);
    }
  });
  delay.disable();
  await renderer.close();
  return {
    where: thread ? "worker thread" : "main-thread slices",
    ms: run.ms,
    p99: delay.percentile(99) / 1e6,
    max: delay.max / 1e6,
  };
}
