import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FalImageGenerator } from "../../../src/adapters/fal/falImageGenerator.ts";
import { FalWebhookVerifier } from "../../../src/adapters/fal/falWebhookVerifier.ts";
import { LocalMediaStorage } from "../../../src/adapters/local/localMediaStorage.ts";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { imageJobBasePortraitQueue } from "../../../src/application/images/basePortraits.ts";
import {
  defaultImageSettings,
  type ImageDependencies,
} from "../../../src/application/images/imageDependencies.ts";
import { imagesReactor } from "../../../src/application/images/imagesReactor.ts";
import { runReactor } from "../../../src/application/reactors/reactor.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { agentStreamId, imageJobStreamId } from "../../../src/domain/streamIds.ts";
import type { Clock } from "../../../src/ports/clock.ts";
import type { ImageGenerator } from "../../../src/ports/imageGenerator.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { ManualClock } from "../../support/engineHarness.ts";
import { type FalFake, startFalFake } from "../../support/fakes/falFake.ts";
import { testMediaLinks } from "../../support/mediaLinks.ts";
import { scriptedImageGenerator } from "../../support/scriptedImageGenerator.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";
import { createTestAgent, testContext } from "../../support/testCommands.ts";

/** A provider that accepts every job and never finishes one: what a stuck queue looks like. */
const stallingGenerator = () =>
  scriptedImageGenerator(
    (providerRequestId) => ({ providerRequestId, state: "queued" as const, queuePosition: 3 }),
    { name: "stalled", pollIntervalMs: 30_000 },
  );

const links = testMediaLinks();

describe("image job runner: retries, timeouts and restarts", () => {
  let core: CoreHarness;
  let fake: FalFake;
  let mediaDir: string;
  let commands: CommandHandler;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    core = await startCoreHarness(checkpointMigrations);
    fake = await startFalFake();
    mediaDir = await mkdtemp(path.join(tmpdir(), "withme-jobs-"));
    commands = new CommandHandler(core.events);
    await createTestAgent(commands, {
      agentId: "agent-jobs",
      name: "Ada",
      identity: { homeCity: "Porto", occupation: "Baker", timezone: "Europe/Lisbon" },
      appearancePrompt: "Flour on the cheeks, braided hair.",
    });
  });
  afterAll(async () => {
    await Promise.all(running.map((reactor) => reactor.stop()));
    await fake.close();
    await core.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  function start(
    generator: ImageGenerator,
    clock: Clock,
    settings: Partial<ImageDependencies["settings"]> = {},
  ) {
    const images: ImageDependencies = {
      commands,
      events: core.events,
      generator,
      media: new LocalMediaStorage({
        dataDir: mediaDir,
        links,
        ...(settings.publicBaseUrl ? { publicBaseUrl: settings.publicBaseUrl } : {}),
      }),
      clock,
      logger: core.logger,
      settings: { ...defaultImageSettings, ...settings },
      // The fake serves its pictures on loopback, which the default fetch would refuse.
      fetch,
    };
    const controller = new AbortController();
    const deps = {
      events: core.events,
      checkpoints: new PostgresCheckpointStore(core.raw),
      leases: core.leases,
      clock,
      logger: core.logger,
    };
    const done = runReactor(imagesReactor(images), deps, controller.signal, { drainMs: 50 });
    const reactor = {
      stop: async () => {
        controller.abort();
        await done;
      },
    };
    running.push(reactor);
    return reactor;
  }
  const queue = (clock: Clock) =>
    imageJobBasePortraitQueue(commands).queueBasePortrait(
      { agentId: "agent-jobs", appearancePrompt: "Flour on the cheeks, braided hair.", reason: "requested" },
      { actor: "admin:test", requestId: null, now: clock.now() },
    );
  const events = async (id: string) => (await core.store.readStream(imageJobStreamId(id))).map((e) => e.type);
  const job = async (id: string) => (await commands.load(imageJobDecider, imageJobStreamId(id))).state;

  it("retries a failed attempt after its backoff and then succeeds", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const generator = new FalImageGenerator({
      credentials: fake.apiKey,
      apiBaseUrl: fake.url,
      verifier: new FalWebhookVerifier({ jwksUrl: fake.jwksUrl }),
      retry: { maxRetries: 0 },
    });
    fake.failNext("the model ran out of memory");
    const reactor = start(generator, clock);
    const id = await queue(clock);
    await eventually(async () => (await job(id)).status === "succeeded");
    const steps = await events(id);
    expect(steps.filter((s) => s === "ImageJobSubmitted")).toHaveLength(2);
    expect(steps).toContain("ImageJobRetryScheduled");
    expect((await job(id)).attempt).toBe(2);
    await reactor.stop();
  });

  it("fails a job stuck in the provider's queue once it takes too long, after its retries", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const stalled = stallingGenerator();
    const reactor = start(stalled, clock, { jobTimeoutMs: 5 * 60_000 });
    const id = await queue(clock);
    await eventually(async () => (await job(id)).status === "failed", 30_000);
    const state = await job(id);
    expect(state.failure).toMatchObject({ reason: "timeout" });
    expect(stalled.submissions).toBe(state.maxAttempts);
    await reactor.stop();
  });

  it("never submits an attempt twice when the worker restarts while the job runs", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const stalled = stallingGenerator();
    const first = start(stalled, clock, { jobTimeoutMs: 24 * 60 * 60_000 });
    const id = await queue(clock);
    await eventually(async () => (await job(id)).status === "progressing");
    await first.stop();
    const polled = stalled.polls;
    const second = start(stalled, clock, { jobTimeoutMs: 24 * 60 * 60_000 });
    // The new worker has taken the job up once it asks the provider about it: it chose to poll, not to submit.
    await eventually(async () => stalled.polls > polled);
    expect(stalled.submissions).toBe(1);
    expect((await events(id)).filter((s) => s === "ImageJobSubmitted")).toHaveLength(1);
    await second.stop();
  });

  it("stops waiting for the next poll when a webhook settles the job while a poll is in flight", async () => {
    // Time stands still unless the test moves it, so only the job's own state can end the wait.
    const clock = new SimulatedClock(new Date(), { mode: "manual" });
    let id = "";
    const stalled = stallingGenerator();
    const generator: ImageGenerator = {
      ...stalled,
      async status(job) {
        // The webhook lands between the provider's answer and the runner acting on it.
        await commands
          .handle(
            imageJobDecider,
            imageJobStreamId(id),
            {
              type: "CompleteImageJob",
              imageJobId: id,
              providerRequestId: job.providerRequestId,
              url: "/media/agents/agent-jobs/webhook.png",
              contentType: "image/png",
              sizeBytes: 1_024,
              now: clock.now().toISOString(),
            },
            { ...testContext(clock.now(), "system:images-webhook"), commandId: `settle:${id}` },
          )
          .catch(() => {});
        return { providerRequestId: job.providerRequestId, state: "running" };
      },
      describe: () => ({ ...stalled.describe(), webhooks: true }),
    };
    const reactor = start(generator, clock, {
      publicBaseUrl: "http://withme.test",
      webhookFallbackPollMs: 60 * 60_000,
    });
    id = await queue(clock);
    await eventually(async () => (await job(id)).status === "succeeded");
    // The job's lane is free again, so the finished portrait reaches the agent without another poll.
    await eventually(async () => {
      const { state } = await commands.load(agentDecider, agentStreamId("agent-jobs"));
      return state.basePortrait?.imageJobId === id;
    });
    await reactor.stop();
  });

  it("gives the provider a link to the base portrait that opens it, not its bare path", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const stalled = stallingGenerator();
    const given: (string | undefined)[] = [];
    const generator: ImageGenerator = {
      ...stalled,
      async submit(submission) {
        given.push(submission.basePortraitUrl);
        return stalled.submit(submission);
      },
    };
    const reactor = start(generator, clock, { publicBaseUrl: "https://withme.test" });
    const imageJobId = randomUUID();
    await commands.handle(
      imageJobDecider,
      imageJobStreamId(imageJobId),
      {
        type: "RequestImageJob",
        imageJobId,
        kind: "variation",
        agentId: "agent-jobs",
        userId: "person-1",
        prompt: "at the bakery",
        basePortraitUrl: "/media/agents/agent-jobs/portrait.png",
        requestedBy: "reactor:image",
        now: clock.now().toISOString(),
      },
      testContext(clock.now()),
    );
    await eventually(async () => given.length > 0);
    await reactor.stop();
    const link = new URL(given[0]!);
    expect(`${link.origin}${link.pathname}`).toBe("https://withme.test/media/agents/agent-jobs/portrait.png");
    expect(links.verify("agents/agent-jobs/portrait.png", link.searchParams, clock.now())).toBe(true);
  });

  it("does not keep a picture whose size is past the pixel limit", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const stalled = stallingGenerator();
    const generator: ImageGenerator = {
      ...stalled,
      async status(job) {
        return {
          providerRequestId: job.providerRequestId,
          state: "succeeded",
          result: {
            source: "bytes",
            bytes: new Uint8Array(64),
            contentType: "image/png",
            width: 100_000,
            height: 100_000,
          },
        };
      },
    };
    const reactor = start(generator, clock);
    const id = await queue(clock);
    await eventually(async () => (await job(id)).failure !== null);
    expect((await job(id)).failure).toMatchObject({
      reason: "invalid_output",
      message: expect.stringContaining("100000×100000 pixels"),
    });
    expect((await job(id)).status).not.toBe("succeeded");
    await reactor.stop();
  });
});
