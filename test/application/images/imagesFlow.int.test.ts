import { readFile } from "node:fs/promises";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageJobBasePortraitQueue } from "../../../src/application/images/basePortraits.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ImageRequestGranted } from "../../../src/domain/conversation/events.ts";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { agentStreamId, conversationStreamId, imageJobStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293";
const agentId = "9c0d1e2f-3a4b-4c5d-9e6f-708192a3b4c5";
const streamId = conversationStreamId(userId, agentId);
const meta = (h: EngineHarness) => ({ actor: "admin:dev", requestId: null, now: h.clock.now() });
const context = (h: EngineHarness) => testContext(h.clock.now());

describe("images: base portrait and a selfie with the offline renderer", () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await startEngineHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function readPng(url: string) {
    const file = path.join(h.images.media.directory, url.replace(/^\/media\//, ""));
    return PNG.sync.read(await readFile(file));
  }

  async function send(text: string): Promise<string> {
    const messageId = await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    await eventually(async () => {
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      return state.unanswered.length === 0;
    });
    h.clock.advance(60 * 60_000);
    return messageId;
  }

  it("draws the base portrait, then sends a selfie once the agent is fond enough", async () => {
    await createTestAgent(
      h.engine.commands,
      {
        agentId,
        name: "Lena",
        identity: {
          homeCity: "Vienna",
          occupation: "Photographer",
          timezone: "Europe/Vienna",
          latitude: 48.2,
        },
        appearancePrompt: "Long black hair, brown eyes, hoop earrings, denim jacket.",
      },
      h.clock.now(),
    );
    await imageJobBasePortraitQueue(h.engine.commands).queueBasePortrait(
      {
        agentId,
        appearancePrompt: "Long black hair, brown eyes, hoop earrings, denim jacket.",
        reason: "created",
      },
      meta(h),
    );
    const portrait = await eventually(
      async () =>
        (await h.engine.commands.load(agentDecider, agentStreamId(agentId))).state.basePortrait ?? undefined,
      30_000,
    );
    expect(portrait.url).toMatch(/^\/media\/agents\/.+\.png$/);
    expect((await readPng(portrait.url)).width).toBe(256);

    const early = await send("Send me a selfie?");
    let { state } = await h.engine.commands.load(conversationDecider, streamId);
    expect(state.imageRequests.perDay).not.toEqual({});
    for (let turn = 0; turn < 4; turn++) {
      await send("You are lovely, thank you so much for today!");
      await h.engine.commands.handle(
        conversationDecider,
        streamId,
        {
          type: "ChangeAffinity",
          userId,
          agentId,
          delta: 5,
          reason: "a warm afternoon",
          now: h.clock.now().toISOString(),
        },
        context(h),
      );
    }
    const asked = await send("Can you send me a selfie?");
    const events = await h.store.readStream(streamId);
    const declined = events.find((e) => e.type === "ImageRequestDeclined");
    expect(declined?.data).toMatchObject({ inReplyTo: early });
    const granted = events.find((e) => e.type === "ImageRequestGranted")?.data as ImageRequestGranted["data"];
    expect(granted.inReplyTo).toBe(asked);
    const job = await eventually(async () => {
      const loaded = await h.engine.commands.load(imageJobDecider, imageJobStreamId(granted.imageJobId));
      return loaded.state.status === "succeeded" || loaded.state.status === "failed"
        ? loaded.state
        : undefined;
    }, 30_000);
    expect(job).toMatchObject({ status: "succeeded", kind: "variation" });
    const steps = (await h.store.readStream(imageJobStreamId(granted.imageJobId))).map((e) => e.type);
    expect(steps[0]).toBe("ImageJobRequested");
    expect(steps).toContain("ImageJobSubmitted");
    expect(steps.at(-1)).toBe("ImageJobSucceeded");
    expect((await readPng(job.result!.url)).height).toBe(256);
    ({ state } = await h.engine.commands.load(conversationDecider, streamId));
    expect(state.affinity).toBeGreaterThanOrEqual(15);
  }, 90_000);
});
