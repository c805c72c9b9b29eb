import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LocalMediaStorage } from "../../../src/adapters/local/localMediaStorage.ts";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { defaultImageSettings } from "../../../src/application/images/imageDependencies.ts";
import { imagesReactor } from "../../../src/application/images/imagesReactor.ts";
import { runReactor } from "../../../src/application/reactors/reactor.ts";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { imageJobStreamId } from "../../../src/domain/streamIds.ts";
import type { ImageGenerator, ImageJobStatus } from "../../../src/ports/imageGenerator.ts";
import type { MediaStorage } from "../../../src/ports/mediaStorage.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { ManualClock } from "../../support/engineHarness.ts";
import { testMediaLinks } from "../../support/mediaLinks.ts";
import { scriptedImageGenerator } from "../../support/scriptedImageGenerator.ts";
import { createTestAgent, testContext } from "../../support/testCommands.ts";

const PICTURE = {
  source: "bytes",
  bytes: new Uint8Array([1, 2, 3]),
  contentType: "image/png",
  width: 1,
  height: 1,
};

describe("a selfie still being made when its person is erased", () => {
  let core: CoreHarness;
  let commands: CommandHandler;
  let mediaDir: string;
  const erased = new Set<string>();
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    core = await startCoreHarness(checkpointMigrations);
    commands = new CommandHandler(core.events);
    mediaDir = await mkdtemp(path.join(tmpdir(), "withme-erased-images-"));
    await createTestAgent(commands, {
      agentId: "agent-erased",
      name: "Ada",
      identity: { homeCity: "Porto", occupation: "Baker", timezone: "Europe/Lisbon" },
      appearancePrompt: "Flour on the cheeks, braided hair.",
    });
  });
  // One runner at a time: a runner left going would hold the lease and take the next test's jobs.
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  afterAll(async () => {
    await core.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  /** `onStored` runs once a picture is stored, before the runner goes on. */
  function start(generator: ImageGenerator, onStored: () => void = () => {}): void {
    const clock = new ManualClock(new Date().toISOString());
    const controller = new AbortController();
    const storage = new LocalMediaStorage({ dataDir: mediaDir, links: testMediaLinks() });
    const media: MediaStorage = {
      put: async (key, bytes, contentType) => {
        const stored = await storage.put(key, bytes, contentType);
        onStored();
        return stored;
      },
      urlFor: (key) => storage.urlFor(key),
      viewUrl: (url, until) => storage.viewUrl(url, until),
      deleteUrl: (url) => storage.deleteUrl(url),
      read: (url) => storage.read(url),
      ensureReady: () => storage.ensureReady(),
      describe: () => storage.describe(),
    };
    const images = {
      commands,
      events: core.events,
      generator,
      media,
      clock,
      logger: core.logger,
      settings: { ...defaultImageSettings, jobTimeoutMs: 24 * 60 * 60_000 },
      isErased: async (userId: string) => erased.has(userId),
    };
    const deps = {
      events: core.events,
      checkpoints: new PostgresCheckpointStore(core.raw),
      leases: core.leases,
      clock,
      logger: core.logger,
    };
    const done = runReactor(imagesReactor(images), deps, controller.signal, { drainMs: 50 });
    stops.push(async () => {
      controller.abort();
      await done;
    });
  }

  const requestSelfie = async (userId: string) => {
    const imageJobId = randomUUID();
    await commands.handle(
      imageJobDecider,
      imageJobStreamId(imageJobId),
      {
        type: "RequestImageJob",
        imageJobId,
        kind: "variation",
        agentId: "agent-erased",
        userId,
        prompt: "a selfie at the beach",
        basePortraitUrl: "/media/portrait.png",
        requestedBy: userId,
        now: new Date().toISOString(),
      },
      testContext(),
    );
    return imageJobId;
  };
  /** A job's state once it has ended, one way or the other. */
  const job = async (id: string) => (await commands.load(imageJobDecider, imageJobStreamId(id))).state;
  const storedFiles = async () =>
    (await readdir(mediaDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

  it("is neither finished nor stored when the erasure lands while the provider finishes it", async () => {
    const userId = randomUUID();
    const generator = scriptedImageGenerator((providerRequestId) => {
      // The erasure runs while the provider's answer is on its way.
      erased.add(userId);
      return { providerRequestId, state: "succeeded", result: PICTURE } as ImageJobStatus;
    });
    start(generator);
    const id = await requestSelfie(userId);
    await eventually(async () => ["succeeded", "failed"].includes((await job(id)).status));
    expect((await job(id)).failure).toMatchObject({ reason: "rejected" });
    expect(generator.submissions).toBe(1);
    expect(await storedFiles()).toEqual([]);
  });

  it("is deleted when the erasure lands between storing the picture and finishing the job", async () => {
    const userId = randomUUID();
    const generator = scriptedImageGenerator(
      (providerRequestId) => ({ providerRequestId, state: "succeeded", result: PICTURE }) as ImageJobStatus,
    );
    // The erasure destroys the key once the picture is stored, after it deleted the pictures it knew of.
    start(generator, () => erased.add(userId));
    const id = await requestSelfie(userId);
    await eventually(async () => ["succeeded", "failed"].includes((await job(id)).status));
    expect((await job(id)).failure).toMatchObject({ reason: "rejected" });
    expect(await storedFiles()).toEqual([]);
  });

  it("is never sent to the provider when the person was erased before it was taken up", async () => {
    const userId = randomUUID();
    erased.add(userId);
    const generator = scriptedImageGenerator(
      (providerRequestId) => ({ providerRequestId, state: "succeeded", result: PICTURE }) as ImageJobStatus,
    );
    start(generator);
    const id = await requestSelfie(userId);
    await eventually(async () => ["succeeded", "failed"].includes((await job(id)).status));
    expect((await job(id)).failure).toMatchObject({ reason: "rejected" });
    expect(generator.submissions).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });
});
