import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
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
import { systemClock } from "../../../src/adapters/system/systemClock.ts";
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
import { addAppRoutes } from "../../../src/http/appRoutes.ts";
import { Router } from "../../../src/http/router.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { type FalFake, startFalFake } from "../../support/fakes/falFake.ts";
import { testMediaLinks } from "../../support/mediaLinks.ts";
import { createTestAgent } from "../../support/testCommands.ts";

describe("fal webhooks through POST /webhooks/fal, and polling when no webhook comes", () => {
  let core: CoreHarness;
  let fake: FalFake;
  let server: http.Server;
  let base: string;
  let mediaDir: string;
  const controller = new AbortController();
  let reactor: Promise<void> = Promise.resolve();
  let images: ImageDependencies;
  let commands: CommandHandler;

  beforeAll(async () => {
    core = await startCoreHarness(checkpointMigrations);
    fake = await startFalFake();
    mediaDir = await mkdtemp(path.join(tmpdir(), "withme-fal-"));
    commands = new CommandHandler(core.events);
    const router = new Router();
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const { route } = router.match(request.method ?? "GET", url.pathname);
      if (!route) return void response.writeHead(404).end();
      void route.handler({
        request,
        response,
        url,
        requestId: randomUUID(),
        logger: core.logger,
        signal: controller.signal,
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    images = {
      commands,
      events: core.events,
      generator: new FalImageGenerator({
        credentials: fake.apiKey,
        apiBaseUrl: fake.url,
        verifier: new FalWebhookVerifier({ jwksUrl: fake.jwksUrl }),
        retry: { maxRetries: 0 },
      }),
      media: new LocalMediaStorage({ dataDir: mediaDir, links: testMediaLinks() }),
      clock: systemClock,
      logger: core.logger,
      // Webhooks are expected, so the fallback poll is slow enough that only the webhook can finish a job here.
      settings: { ...defaultImageSettings, publicBaseUrl: base, webhookFallbackPollMs: 60_000 },
      // The fake serves its pictures on loopback, which the default fetch would refuse.
      fetch,
    };
    await addAppRoutes(router, {
      images,
      media: null,
      schedulerTrigger: null,
      clientDist: path.join(mediaDir, "none"),
    });
    const deps = {
      events: core.events,
      checkpoints: new PostgresCheckpointStore(core.raw),
      leases: core.leases,
      clock: systemClock,
      logger: core.logger,
    };
    reactor = runReactor(imagesReactor(images), deps, controller.signal, { drainMs: 100 });
    await createTestAgent(commands, {
      agentId: "agent-fal",
      name: "Rui",
      identity: { homeCity: "Ericeira", occupation: "Surf teacher", timezone: "Europe/Lisbon" },
      appearancePrompt: "Sun-bleached hair, freckles, wetsuit.",
    });
  });
  afterAll(async () => {
    controller.abort();
    await reactor;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fake.close();
    await core.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const queue = () =>
    imageJobBasePortraitQueue(commands).queueBasePortrait(
      {
        agentId: "agent-fal",
        appearancePrompt: "Sun-bleached hair, freckles, wetsuit.",
        reason: "requested",
      },
      { actor: "admin:test", requestId: null, now: new Date() },
    );
  const job = (id: string) => commands.load(imageJobDecider, imageJobStreamId(id)).then((r) => r.state);

  it("finishes a job from a signed webhook, ignores a repeat, and refuses forged or unknown deliveries", async () => {
    const id = await queue();
    const submitted = await eventually(async () => ((await job(id)).providerRequestId ? job(id) : undefined));
    const request = fake.requests.find((r) => r.id === submitted.providerRequestId)!;
    expect(request.webhookUrl).toBe(`${base}/webhooks/fal?job=${id}`);

    const forgedBody = JSON.stringify({ request_id: request.id, status: "OK", payload: { images: [] } });
    const forged = await fetch(request.webhookUrl!, {
      method: "POST",
      headers: fake.signedHeaders(forgedBody, { requestId: request.id, signer: "forger" }),
      body: forgedBody,
    });
    expect(forged.status).toBe(401);
    expect((await job(id)).status).not.toBe("succeeded");

    await fake.complete(request.id);
    const done = await eventually(async () => ((await job(id)).status === "succeeded" ? job(id) : undefined));
    expect(done.result).toMatchObject({
      contentType: "image/png",
      url: expect.stringMatching(/^\/media\/agents\/agent-fal\//),
    });
    const before = (await core.store.readStream(imageJobStreamId(id))).length;
    expect(await fake.deliver(request.id)).toBe(200);
    expect((await core.store.readStream(imageJobStreamId(id))).length).toBe(before);
    await eventually(async () => {
      const { state } = await commands.load(agentDecider, agentStreamId("agent-fal"));
      return state.basePortrait?.imageJobId === id;
    });

    const unknownBody = JSON.stringify({ request_id: request.id, status: "OK", payload: {} });
    const unknown = await fetch(`${base}/webhooks/fal?job=${randomUUID()}`, {
      method: "POST",
      headers: fake.signedHeaders(unknownBody, { requestId: request.id }),
      body: unknownBody,
    });
    expect(unknown.status).toBe(404);
  });

  it("still settles the genuine delivery after a signed one addressed to the wrong job", async () => {
    const id = await queue();
    const submitted = await eventually(async () => ((await job(id)).providerRequestId ? job(id) : undefined));
    const request = fake.requests.find((r) => r.id === submitted.providerRequestId)!;
    const body = JSON.stringify({ request_id: request.id, status: "OK", payload: {} });
    const misaddressed = await fetch(`${base}/webhooks/fal?job=${randomUUID()}`, {
      method: "POST",
      headers: fake.signedHeaders(body, { requestId: request.id }),
      body,
    });
    expect(misaddressed.status).toBe(404);
    await fake.complete(request.id);
    const done = await eventually(async () => ((await job(id)).status === "succeeded" ? job(id) : undefined));
    expect(done.result?.contentType).toBe("image/png");
  });

  it("polls the job to its end when no public URL is configured", async () => {
    images.settings = { ...defaultImageSettings, publicBaseUrl: undefined };
    const id = await queue();
    const done = await eventually(
      async () => ((await job(id)).status === "succeeded" ? job(id) : undefined),
      30_000,
    );
    const request = fake.requests.find((r) => r.id === done.providerRequestId)!;
    expect(request.webhookUrl).toBeNull();
    expect(request.polls).toBeGreaterThanOrEqual(3);
    const steps = (await core.store.readStream(imageJobStreamId(id))).map((e) => e.type);
    expect(steps).toContain("ImageJobProgressed");
  });
});
