import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { allProjections } from "../../projections/index.ts";
import { Projector } from "../../projections/runner/projector.ts";
import { LexicalEmbedder } from "../../src/adapters/local/lexicalEmbedder.ts";
import { LocalMediaStorage, serveLocalMedia } from "../../src/adapters/local/localMediaStorage.ts";
import { LocalPersonaReplyModel } from "../../src/adapters/local/localPersonaReplyModel.ts";
import { LocalPortraitRenderer } from "../../src/adapters/local/localPortraitRenderer.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "../../src/adapters/postgres/postgresCheckpointStore.ts";
import { PostgresVectorIndex } from "../../src/adapters/postgres/postgresVectorIndex.ts";
import { vectorIndexMigrations } from "../../src/adapters/postgres/vectorIndexMigrations.ts";
import { templateAgentGenerator } from "../../src/application/agents/templateAgentGenerator.ts";
import { appraisalTaskName, solveAppraisalOffline } from "../../src/application/appraisal/modelAppraisal.ts";
import { defaultEngineSettings } from "../../src/application/engine/engineDependencies.ts";
import { replyReactor } from "../../src/application/engine/replyReactor.ts";
import { imageJobBasePortraitQueue } from "../../src/application/images/basePortraits.ts";
import { defaultImageSettings } from "../../src/application/images/imageDependencies.ts";
import { imagesReactor } from "../../src/application/images/imagesReactor.ts";
import { runReactor } from "../../src/application/reactors/reactor.ts";
import { webPushConfig } from "../../src/application/users/pushConfig.ts";
import { chooseAdapters } from "../../src/config/adapterChoice.ts";
import { loadConfig } from "../../src/config/config.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { type ApiServer, startApiServer } from "../../src/http/server.ts";
import { addWebClientRoutes } from "../../src/http/staticClient.ts";
import { chooseAuthenticator, type System, startWithme } from "../../src/main.ts";
import { type ReplyModel, ReplyModelError } from "../../src/ports/replyModel.ts";
import { createTestDatabase } from "../support/testDatabase.ts";
import { clientDist } from "./clientBuild.ts";

export interface ClientServer {
  url: string;
  system: System;
  api: ApiServer;
  /** Milliseconds between the offline engine's word pieces; replies stream visibly when above 0. */
  tokenDelay: { ms: number };
  /** How many of the next replies fail (retryably), as a provider outage would make them. */
  replyFailures: { count: number };
  close(): Promise<void>;
}

/**
 * withme in this process for the browser tests: API with the built client at `/`, media at
 * `/media`, the projector, and the reply and image reactors on the offline providers, so a reply
 * streams word by word and a granted selfie is drawn by the local renderer.
 */
export async function startClientServer(
  options: { env?: Record<string, string> } = {},
): Promise<ClientServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-client-e2e-"));
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      WITHME_DATA_DIR: dataDir,
      WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      // Replies go out at once, whatever the hour in the agents' time zones when the suite runs.
      WITHME_ASLEEP_REPLIES: "drowsy",
      PORT: "0",
      HOST: "127.0.0.1",
      ...options.env,
    },
    { envFile: false },
  );
  const system = await startWithme(config, []);
  await migrate(system.database.pool, [...checkpointMigrations, ...vectorIndexMigrations]);
  const { logger, commands, events, eventStore: store, bus, leases, clock } = system;
  const projectorDeps = {
    pool: system.database.sql,
    raw: system.database.pool,
    store,
    catalogue,
    bus,
    leases,
    clock,
    logger,
  };
  const api = await startApiServer({
    host: "127.0.0.1",
    port: 0,
    production: false,
    logger,
    commands,
    events,
    clock,
    authenticator: chooseAuthenticator(config),
    projector: projectorDeps,
    projections: allProjections,
    adapters: chooseAdapters(config),
    roles: ["api", "projector", "worker"],
    basePortraits: imageJobBasePortraitQueue(commands),
    agentGenerator: templateAgentGenerator,
    rateLimit: { points: 1_000, windowSeconds: 10 },
    persistedOperationsFile: path.join(clientDist, "persisted-operations.json"),
    push: webPushConfig(config),
  });
  const media = new LocalMediaStorage({ dataDir });
  if (!api.router.match("GET", "/").route) await addWebClientRoutes(api.router, clientDist);
  if (!api.router.match("GET", "/media/x.png").route) {
    const serve = serveLocalMedia(media.directory);
    api.router.get("/media/", ({ request, response }) => void serve(request, response));
  }

  const tokenDelay = { ms: 0 };
  const replyFailures = { count: 0 };
  const embedder = new LexicalEmbedder();
  const engine = {
    commands,
    events,
    bus,
    clock,
    logger,
    embedder,
    vectorIndex: new PostgresVectorIndex(system.database.pool, { dimensions: embedder.dimensions }),
    replyModel: failingSometimes(
      new LocalPersonaReplyModel({
        tokenDelayMs: 1,
        tasks: { [appraisalTaskName]: solveAppraisalOffline },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms * tokenDelay.ms)),
      }),
      replyFailures,
    ),
    settings: defaultEngineSettings,
  };
  const generator = new LocalPortraitRenderer({ size: 256 });
  const images = { commands, events, generator, media, clock, logger, settings: defaultImageSettings };
  const reactorDeps = {
    events,
    checkpoints: new PostgresCheckpointStore(system.database.pool),
    leases,
    clock,
    logger,
  };
  const controller = new AbortController();
  const running = [
    new Projector(projectorDeps, allProjections).run(controller.signal),
    runReactor(replyReactor(engine), reactorDeps, controller.signal, { drainMs: 500 }),
    runReactor(imagesReactor(images), reactorDeps, controller.signal, { drainMs: 500 }),
  ];
  return {
    url: api.url,
    system,
    api,
    tokenDelay,
    replyFailures,
    close: async () => {
      controller.abort();
      await Promise.allSettled(running);
      await api.stop();
      await generator.close();
      await system.lifecycle.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function failingSometimes(inner: ReplyModel, failures: { count: number }): ReplyModel {
  return {
    name: inner.name,
    describe: () => inner.describe(),
    complete: (request, signal) => inner.complete(request, signal),
    streamReply: (request, signal) => {
      if (failures.count <= 0) return inner.streamReply(request, signal);
      failures.count -= 1;
      const failure = new ReplyModelError(
        "provider_error",
        "The model provider is not answering; try again.",
        {
          retryable: true,
        },
      );
      return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(failure) }) };
    },
  };
}
