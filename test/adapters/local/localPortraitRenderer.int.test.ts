import { setImmediate as tick } from "node:timers/promises";
import { PNG } from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import { skinTones } from "../../../src/adapters/local/localPortraitPalette.ts";
import { LocalPortraitRenderer } from "../../../src/adapters/local/localPortraitRenderer.ts";
import {
  ImageJobRejectedError,
  type ImageJobState,
  type ImageJobStatus,
  type ImageJobSubmission,
} from "../../../src/ports/imageGenerator.ts";

const appearance = "a woman with long black hair, brown eyes, fair skin, a teal sweater";
const subject = { id: "agent-1", appearancePrompt: appearance };
const renderers: LocalPortraitRenderer[] = [];

function renderer(options: { thread?: boolean } = {}): LocalPortraitRenderer {
  const made = new LocalPortraitRenderer(options);
  renderers.push(made);
  return made;
}

afterEach(async () => {
  for (const made of renderers.splice(0)) await made.close();
});

/** Polls between event-loop turns and records each state seen, until the job ends. */
async function follow(r: LocalPortraitRenderer, submission: ImageJobSubmission) {
  const job = await r.submit(submission);
  const seen: ImageJobState[] = [];
  let status: ImageJobStatus;
  do {
    status = await r.status(job);
    if (seen.at(-1) !== status.state) seen.push(status.state);
    await tick();
  } while (status.state === "queued" || status.state === "running");
  return { job, seen, status };
}

async function render(r: LocalPortraitRenderer, submission: ImageJobSubmission): Promise<PNG> {
  const { status } = await follow(r, submission);
  if (status.result?.source !== "bytes") throw new Error(`no picture: ${status.error}`);
  return PNG.sync.read(Buffer.from(status.result.bytes));
}

const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
];

// Each test draws real portraits; a busy machine can take seconds where an idle one takes tenths.
describe("LocalPortraitRenderer", { timeout: 30_000 }, () => {
  it.each([
    ["on a worker thread", true],
    ["in slices on the main thread", false],
  ])(
    "answers a submission at once, then moves the job from queued through running to succeeded %s",
    async (where, thread) => {
      const r = renderer({ thread });
      const { job, seen, status } = await follow(r, {
        kind: "basePortrait",
        prompt: appearance,
        subject,
        seed: 1,
      });
      expect(job).toMatchObject({ model: "local-portrait-renderer/v1", webhookExpected: false });
      expect(seen).toEqual(["queued", "running", "succeeded"]);
      expect(status.result).toMatchObject({
        source: "bytes",
        contentType: "image/png",
        width: 512,
        height: 512,
      });
      expect(status.logs?.[0]).toContain(where);
      expect(status.logs?.[0]).toContain("studio");
    },
  );

  it("draws the same bytes on the worker thread and in slices", async () => {
    const submission: ImageJobSubmission = { kind: "variation", prompt: "city at night", subject, seed: 2 };
    const threaded = await follow(renderer({ thread: true }), submission);
    const sliced = await follow(renderer({ thread: false }), submission);
    const bytes = (status: ImageJobStatus) =>
      status.result?.source === "bytes" ? Buffer.from(status.result.bytes) : null;
    expect(bytes(threaded.status)).toEqual(bytes(sliced.status));
  });

  it("reports the place in the queue while earlier jobs are drawn", async () => {
    const r = renderer();
    const jobs = [];
    for (const seed of [1, 2, 3])
      jobs.push(await r.submit({ kind: "basePortrait", prompt: appearance, seed }));
    const positions = await Promise.all(jobs.map(async (job) => (await r.status(job)).queuePosition));
    expect(positions).toEqual([0, 1, 2]);
  });

  it("draws a person: skin in the middle of the face, hair above it, a backdrop in the corner", async () => {
    const png = await render(renderer(), { kind: "basePortrait", prompt: appearance, subject, seed: 1 });
    const face = pixel(png, 256, 235);
    const fair = skinTones.fair!;
    for (const [i, channel] of face.entries()) expect(Math.abs(channel - fair[i]!)).toBeLessThan(45);
    expect(Math.max(...pixel(png, 256, 112))).toBeLessThan(70);
    expect(pixel(png, 8, 8)).not.toEqual(pixel(png, 256, 235));
  });

  it("draws the same picture for the same agent, prompt, scene and seed", async () => {
    const r = renderer();
    const submission: ImageJobSubmission = { kind: "variation", prompt: "at the beach", subject, seed: 5 };
    const first = await render(r, submission);
    const second = await render(r, submission);
    expect(Buffer.compare(first.data, second.data)).toBe(0);
  });

  it("keeps the face when only the place changes", async () => {
    const r = renderer();
    const office = await render(r, { kind: "variation", prompt: "in the office", subject, seed: 5 });
    const studio = await render(r, { kind: "variation", prompt: "just me", subject, seed: 5 });
    expect(pixel(office, 8, 8)).not.toEqual(pixel(studio, 8, 8));
    for (const [x, y] of [
      [256, 235],
      [222, 212],
      [290, 212],
      [256, 272],
    ] as const) {
      expect(pixel(office, x, y)).toEqual(pixel(studio, x, y));
    }
  });

  it("gives another agent with the same prompt a different face", async () => {
    const r = renderer();
    const one = await render(r, {
      kind: "basePortrait",
      prompt: "a person",
      subject: { id: "a", appearancePrompt: "a person" },
      seed: 1,
    });
    const two = await render(r, {
      kind: "basePortrait",
      prompt: "a person",
      subject: { id: "b", appearancePrompt: "a person" },
      seed: 1,
    });
    expect(Buffer.compare(one.data, two.data)).not.toBe(0);
  });

  it("refuses a variation it cannot tie to a face", async () => {
    await expect(renderer().submit({ kind: "variation", prompt: "at the beach", seed: 1 })).rejects.toThrow(
      ImageJobRejectedError,
    );
  });

  it("reports jobs it does not know as failed, and takes no webhooks", async () => {
    const r = renderer();
    expect(
      await r.status({ providerRequestId: "local-gone", model: "local-portrait-renderer/v1" }),
    ).toMatchObject({
      state: "failed",
    });
    expect(await r.parseWebhook({}, new Uint8Array())).toMatchObject({
      accepted: false,
      reason: "NotSupported",
    });
    expect(r.describe()).toMatchObject({ offline: true, webhooks: false });
  });

  it("fails jobs still waiting when it is closed", async () => {
    const r = new LocalPortraitRenderer();
    const jobs = [];
    for (const seed of [1, 2]) jobs.push(await r.submit({ kind: "basePortrait", prompt: appearance, seed }));
    await r.close();
    const states = await Promise.all(jobs.map(async (job) => (await r.status(job)).state));
    expect(states).toEqual(["failed", "failed"]);
  });
});
