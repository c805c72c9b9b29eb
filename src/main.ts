#!/usr/bin/env node
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { listConversationsAwaitingReply } from "../projections/conversations/queries.ts";
import { allProjections } from "../projections/index.ts";
import { Projector, type ProjectorDependencies } from "../projections/runner/projector.ts";
import { readModelOr } from "../projections/runner/readModelOr.ts";
import { runnerMigrations } from "../projections/runner/runnerMigrations.ts";
import { EventStoreDbEventStore } from "./adapters/eventstoredb/eventStoreDbEventStore.ts";
import { FalImageGenerator } from "./adapters/fal/falImageGenerator.ts";
import { FalWebhookVerifier } from "./adapters/fal/falWebhookVerifier.ts";
import { FcmPushSender } from "./adapters/fcm/fcmPushSender.ts";
import { DevTokenAuthenticator } from "./adapters/local/devTokenAuthenticator.ts";
import { InProcessLiveBus } from "./adapters/local/inProcessLiveBus.ts";
import { InProcessPresence } from "./adapters/local/inProcessPresence.ts";
import { LexicalEmbedder } from "./adapters/local/lexicalEmbedder.ts";
import { LocalMediaStorage, serveLocalMedia } from "./adapters/local/localMediaStorage.ts";
import { LocalPersonaReplyModel } from "./adapters/local/localPersonaReplyModel.ts";
import { LocalPortraitRenderer } from "./adapters/local/localPortraitRenderer.ts";
import { OpenAiEmbedder } from "./adapters/openai/openAiEmbedder.ts";
import { OpenAiReplyModel } from "./adapters/openai/openAiReplyModel.ts";
import { PineconeVectorIndex } from "./adapters/pinecone/pineconeVectorIndex.ts";
import { eventStoreMigrations } from "./adapters/postgres/eventStoreMigrations.ts";
import { liveBusMigrations } from "./adapters/postgres/liveBusMigrations.ts";
import { migrate } from "./adapters/postgres/migrations.ts";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "./adapters/postgres/postgresCheckpointStore.ts";
import {
  DatabaseUnavailableError,
  openPostgresDatabase,
  type PostgresDatabase,
} from "./adapters/postgres/postgresDatabase.ts";
import { PostgresEventStore } from "./adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "./adapters/postgres/postgresLeases.ts";
import { PostgresLiveBus } from "./adapters/postgres/postgresLiveBus.ts";
import { PostgresPresence, presenceMigrations } from "./adapters/postgres/postgresPresence.ts";
import { PostgresVectorIndex } from "./adapters/postgres/postgresVectorIndex.ts";
import { ReadModelLifeDirectory } from "./adapters/postgres/readModelLifeDirectory.ts";
import { vectorIndexMigrations } from "./adapters/postgres/vectorIndexMigrations.ts";
import { RedisLiveBus } from "./adapters/redis/redisLiveBus.ts";
import { SupabaseJwtAuthenticator } from "./adapters/supabase/supabaseJwtAuthenticator.ts";
import { SupabaseMediaStorage } from "./adapters/supabase/supabaseMediaStorage.ts";
import { systemClock } from "./adapters/system/systemClock.ts";
import { WebPushSender } from "./adapters/webpush/webPushSender.ts";
import { modelAgentGenerator } from "./application/agents/modelAgentGenerator.ts";
import { seedStarterAgents } from "./application/agents/starterAgents.ts";
import { templateAgentGenerator } from "./application/agents/templateAgentGenerator.ts";
import { appraisalTaskName, solveAppraisalOffline } from "./application/appraisal/modelAppraisal.ts";
import { CommandHandler } from "./application/commandHandler.ts";
import { defaultEngineSettings, type EngineDependencies } from "./application/engine/engineDependencies.ts";
import { imageJobBasePortraitQueue } from "./application/images/basePortraits.ts";
import { defaultImageSettings, type ImageDependencies } from "./application/images/imageDependencies.ts";
import { LifeScheduler } from "./application/life/lifeScheduler.ts";
import { chooseLifeWriters } from "./application/life/lifeWiring.ts";
import { schedulerTriggerHandler } from "./application/life/schedulerTrigger.ts";
import {
  PushNotifier,
  removeExpiredWithCommands,
  subscriptionsFromUserStream,
} from "./application/push/pushNotifier.ts";
import { webPushConfig } from "./application/users/pushConfig.ts";
import { buildCli, type CliSystem, type Role } from "./cli/program.ts";
import { chooseAdapters } from "./config/adapterChoice.ts";
import { type Config, ConfigError, secretValues } from "./config/config.ts";
import { catalogue } from "./domain/catalogue.ts";
import { DomainError } from "./domain/shared/decider.ts";
import { addAppRoutes } from "./http/appRoutes.ts";
import { startHealthServer } from "./http/healthServer.ts";
import { type ApiServer, startApiServer } from "./http/server.ts";
import { createLogger, type Logger, redactUrl } from "./observability/logger.ts";
import type { Authenticator } from "./ports/authenticator.ts";
import type { Clock } from "./ports/clock.ts";
import type { Embedder } from "./ports/embedder.ts";
import type { EventStore } from "./ports/eventStore.ts";
import type { ImageGenerator } from "./ports/imageGenerator.ts";
import type { Leases } from "./ports/lease.ts";
import type { LiveBus } from "./ports/liveBus.ts";
import type { MediaStorage } from "./ports/mediaStorage.ts";
import type { Presence } from "./ports/presence.ts";
import type { PushSender } from "./ports/pushSender.ts";
import type { ReplyModel } from "./ports/replyModel.ts";
import type { VectorIndex } from "./ports/vectorIndex.ts";
import { Lifecycle } from "./runtime/lifecycle.ts";
import { startWorkerRole } from "./runtime/workerRole.ts";

export type { Role } from "./cli/program.ts";
export const ALL_ROLES: readonly Role[] = ["api", "projector", "worker"];

/** The providers behind the ports, each a real adapter or its honest offline default. */
export interface Providers {
  replyModel: ReplyModel;
  embedder: Embedder;
  vectorIndex: VectorIndex;
  images: ImageGenerator;
  media: MediaStorage;
  push: Partial<Record<"webpush" | "fcm", PushSender>>;
}

/** Everything the roles share, wired from configuration. Only this file picks adapters. */
export interface System {
  config: Config;
  logger: Logger;
  lifecycle: Lifecycle;
  database: PostgresDatabase;
  eventStore: EventStore;
  bus: LiveBus;
  leases: Leases;
  presence: Presence;
  clock: Clock;
  commands: CommandHandler;
  /** Built the first time a role needs them (tools like `withme migrate` never do). */
  providers(): Promise<Providers>;
  /** Set once the API role is up. */
  api?: ApiServer;
}

const allMigrations = [
  ...eventStoreMigrations,
  ...runnerMigrations,
  ...checkpointMigrations,
  ...vectorIndexMigrations,
  ...liveBusMigrations,
  ...presenceMigrations,
];

export async function startCore(config: Config, options: { handleSignals?: boolean } = {}): Promise<System> {
  const logger = createLogger({ level: config.WITHME_LOG_LEVEL, secrets: secretValues(config) });
  const lifecycle = new Lifecycle(logger);
  if (options.handleSignals ?? true) lifecycle.handleSignals();
  const database = await openPostgresDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
    onLog: (line) => logger.debug({ component: "postgres" }, line),
  });
  lifecycle.onStop("database", () => database.close());
  const applied = await migrate(database.pool, allMigrations);
  logger.info(
    { database: redactUrl(database.url), embedded: database.embedded, migrationsApplied: applied.length },
    "database ready",
  );
  const eventStore: EventStore = config.EVENTSTOREDB_URL
    ? EventStoreDbEventStore.connect(config.EVENTSTOREDB_URL)
    : new PostgresEventStore(database.pool, database.url);
  lifecycle.onStop("event store", () => eventStore.close());
  const bus = chooseLiveBus(config, database, logger);
  lifecycle.onStop("live bus", () => bus.close());
  const presence = config.DATABASE_URL ? new PostgresPresence(database.pool) : new InProcessPresence();
  lifecycle.onStop("presence", () => presence.close());
  let providers: Promise<Providers> | null = null;
  return {
    config,
    logger,
    lifecycle,
    database,
    eventStore,
    bus,
    leases: new PostgresLeases(database.url, database.pool),
    presence,
    clock: systemClock,
    commands: new CommandHandler(eventStore, catalogue),
    providers: () => {
      providers ??= buildProviders(config, database, lifecycle);
      return providers;
    },
  };
}

function chooseLiveBus(config: Config, database: PostgresDatabase, logger: Logger): LiveBus {
  const onError = (error: unknown) => logger.warn({ err: error }, "live bus connection trouble");
  if (config.REDIS_URL) return new RedisLiveBus(config.REDIS_URL, { onError });
  if (config.DATABASE_URL) return new PostgresLiveBus(database.pool, database.url, { onError });
  return new InProcessLiveBus();
}

async function buildProviders(
  config: Config,
  database: PostgresDatabase,
  lifecycle: Lifecycle,
): Promise<Providers> {
  const openAi = config.OPENAI_API_KEY
    ? {
        apiKey: config.OPENAI_API_KEY,
        ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      }
    : null;
  const replyModel: ReplyModel = openAi
    ? new OpenAiReplyModel({ ...openAi, model: config.OPENAI_MODEL })
    : new LocalPersonaReplyModel({
        tokenDelayMs: config.WITHME_OFFLINE_TOKEN_DELAY_MS,
        tasks: { [appraisalTaskName]: solveAppraisalOffline },
      });
  const embedder: Embedder = openAi
    ? new OpenAiEmbedder({
        ...openAi,
        model: config.OPENAI_EMBEDDING_MODEL,
        ...(config.OPENAI_EMBEDDING_DIMENSIONS ? { dimensions: config.OPENAI_EMBEDDING_DIMENSIONS } : {}),
      })
    : new LexicalEmbedder();
  const vectorIndex: VectorIndex = config.PINECONE_API_KEY
    ? new PineconeVectorIndex({
        apiKey: config.PINECONE_API_KEY,
        indexName: config.PINECONE_INDEX!,
        dimensions: embedder.dimensions,
        ...(config.PINECONE_HOST ? { indexHost: config.PINECONE_HOST } : {}),
      })
    : new PostgresVectorIndex(database.pool, { dimensions: embedder.dimensions });
  const images: ImageGenerator = config.falApiKey
    ? new FalImageGenerator({
        credentials: config.falApiKey,
        models: { basePortrait: config.FAL_PORTRAIT_MODEL, variation: config.FAL_EDIT_MODEL },
        verifier: new FalWebhookVerifier(),
      })
    : new LocalPortraitRenderer();
  lifecycle.onStop("image generator", () => images.close());
  const media: MediaStorage =
    config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY
      ? new SupabaseMediaStorage({
          url: config.SUPABASE_URL,
          serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY,
          bucket: config.SUPABASE_STORAGE_BUCKET,
          access: config.SUPABASE_STORAGE_ACCESS,
        })
      : new LocalMediaStorage({ dataDir: config.dataDir, publicBaseUrl: config.PUBLIC_BASE_URL });
  await media.ensureReady();
  const push: Providers["push"] = {};
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY && config.vapidSubject) {
    push.webpush = new WebPushSender({
      publicKey: config.VAPID_PUBLIC_KEY,
      privateKey: config.VAPID_PRIVATE_KEY,
      subject: config.vapidSubject,
    });
  }
  if (config.FCM_PROJECT_ID && config.FCM_CLIENT_EMAIL && config.FCM_PRIVATE_KEY) {
    const fcm = new FcmPushSender({
      projectId: config.FCM_PROJECT_ID,
      clientEmail: config.FCM_CLIENT_EMAIL,
      privateKey: config.FCM_PRIVATE_KEY,
    });
    push.fcm = fcm;
    lifecycle.onStop("fcm", () => fcm.close());
  }
  return { replyModel, embedder, vectorIndex, images, media, push };
}

/** Supabase JWTs when configured; dev tokens (outside production) in front of them or alone. */
export function chooseAuthenticator(config: Config): Authenticator {
  const supabase =
    config.SUPABASE_JWT_SECRET || config.SUPABASE_JWKS_URL
      ? new SupabaseJwtAuthenticator({
          secret: config.SUPABASE_JWT_SECRET,
          jwksUrl: config.SUPABASE_JWKS_URL,
          issuer:
            config.SUPABASE_JWT_ISSUER ??
            (config.SUPABASE_URL ? `${config.SUPABASE_URL}/auth/v1` : undefined),
          audience: config.SUPABASE_JWT_AUDIENCE,
          adminSubjects: config.ADMIN_SUBJECTS,
        })
      : null;
  if (config.WITHME_ALLOW_DEV_TOKENS) return new DevTokenAuthenticator(supabase);
  if (!supabase)
    throw new ConfigError(["SUPABASE_JWT_SECRET: set it or SUPABASE_JWKS_URL to verify sign-ins"]);
  return supabase;
}

/** What the projector, rebuilds and projection status need from the core. */
export function projectorDependencies(system: System): ProjectorDependencies {
  return {
    pool: system.database.sql,
    raw: system.database.pool,
    store: system.eventStore,
    catalogue,
    bus: system.bus,
    leases: system.leases,
    logger: system.logger,
  };
}

async function engineDependencies(system: System): Promise<EngineDependencies> {
  const providers = await system.providers();
  return {
    commands: system.commands,
    store: system.eventStore,
    bus: system.bus,
    replyModel: providers.replyModel,
    embedder: providers.embedder,
    vectorIndex: providers.vectorIndex,
    clock: system.clock,
    logger: system.logger.child({ component: "engine" }),
    settings: { ...defaultEngineSettings, asleepReplies: system.config.WITHME_ASLEEP_REPLIES },
    awaitingReplies: {
      awaitingReplies: (page) =>
        readModelOr([], () => listConversationsAwaitingReply(system.database.sql, page)),
    },
  };
}

async function imageDependencies(system: System): Promise<ImageDependencies> {
  const providers = await system.providers();
  return {
    commands: system.commands,
    events: system.eventStore,
    generator: providers.images,
    media: providers.media,
    clock: system.clock,
    logger: system.logger.child({ component: "images" }),
    settings: { ...defaultImageSettings, publicBaseUrl: system.config.PUBLIC_BASE_URL },
  };
}

/** The life of every agent, shared by the worker's scheduler loop and the API's cron trigger. */
function lifeScheduler(system: System, providers: Providers): LifeScheduler {
  const directory = new ReadModelLifeDirectory(system.database.sql, system.clock);
  return new LifeScheduler({
    commands: system.commands,
    agents: directory,
    conversations: directory,
    ...chooseLifeWriters(providers.replyModel),
    onError: (error, context) => system.logger.warn({ err: error, ...context }, "life scheduler step failed"),
  });
}

/** Starts the given roles on a running core; returns when they are up. */
export async function startRoles(system: System, roles: readonly Role[]): Promise<void> {
  const health = roles.includes("api") ? null : await startHealth(system);
  if (roles.includes("projector")) startProjector(system);
  if (roles.includes("worker")) await startWorker(system);
  if (roles.includes("api")) await startApi(system, roles);
  if (system.config.starterAgents && roles.includes("api") && roles.includes("worker"))
    await seedStarters(system);
  const providers = roles.some((role) => role !== "projector") ? await system.providers() : null;
  system.logger.info(
    {
      roles,
      eventStore: system.eventStore.name,
      liveBus: system.bus.name,
      replyModel: providers?.replyModel.describe(),
      url: system.api?.url,
    },
    system.api ? `withme is running on ${system.api.url}` : "withme is running",
  );
  health?.markStarted();
  system.api?.markStarted();
}

/** The starter companions of a fresh local install; a failure is logged, never fatal. */
async function seedStarters(system: System): Promise<void> {
  const meta = { actor: "system:starter-agents", requestId: null, now: system.clock.now() };
  try {
    const deps = { commands: system.commands, basePortraits: imageJobBasePortraitQueue(system.commands) };
    const created = await seedStarterAgents(deps, meta);
    if (created.length > 0) system.logger.info({ created }, "created the starter companions");
  } catch (error) {
    system.logger.warn({ err: error }, "the starter companions were not created");
  }
}

/** Probes for roles without the API server, registered before them so it answers while they drain. */
async function startHealth(system: System) {
  const { config, lifecycle, logger } = system;
  if (config.HEALTH_PORT === undefined) return null;
  const health = await startHealthServer({
    host: config.HOST,
    port: config.HEALTH_PORT,
    stopping: lifecycle.signal,
    check: async () => {
      await system.database.pool.query("select 1");
      await system.eventStore.headPosition();
    },
  });
  lifecycle.onStop("health", () => health.stop());
  logger.info({ port: health.port }, "health endpoints listening on /health and /ready");
  return health;
}

/** Every read model, kept up to date while this process holds the projector lease. */
function startProjector(system: System): void {
  const controller = new AbortController();
  const running = new Projector(projectorDependencies(system), allProjections)
    .run(controller.signal)
    .catch((error) => system.logger.error({ err: error }, "projector stopped"));
  system.lifecycle.onStop("projector", async () => {
    controller.abort();
    await running;
  });
}

async function startWorker(system: System): Promise<void> {
  const providers = await system.providers();
  const engine = await engineDependencies(system);
  const push =
    Object.keys(providers.push).length > 0
      ? new PushNotifier({
          senders: providers.push,
          subscriptions: subscriptionsFromUserStream(system.commands),
          isOnline: (userId) => system.presence.isOnline(userId),
          removeExpired: removeExpiredWithCommands(system.commands, system.clock),
          onError: (error, context) => system.logger.warn({ err: error, ...context }, "push failed"),
        })
      : null;
  const controller = new AbortController();
  const running = startWorkerRole(
    {
      reactors: {
        store: system.eventStore,
        checkpoints: new PostgresCheckpointStore(system.database.pool),
        leases: system.leases,
        logger: system.logger.child({ component: "worker" }),
      },
      engine,
      images: await imageDependencies(system),
      scheduler: lifeScheduler(system, providers),
      push,
    },
    controller.signal,
  );
  system.lifecycle.onStop("worker", async () => {
    controller.abort();
    await running;
  });
}

/** The GraphQL API and HTTP endpoints on PORT/HOST; stopping closes sockets with a reconnect hint. */
async function startApi(system: System, roles: readonly Role[]): Promise<void> {
  const { config, logger, lifecycle } = system;
  const providers = await system.providers();
  const rateLimitStore = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { connectionName: "withme-rate-limits", enableOfflineQueue: false })
    : null;
  if (rateLimitStore) lifecycle.onStop("rate limit store", () => void rateLimitStore.disconnect());
  const api = await startApiServer({
    host: config.HOST,
    port: config.PORT,
    production: config.production,
    logger,
    commands: system.commands,
    clock: system.clock,
    authenticator: chooseAuthenticator(config),
    projector: projectorDependencies(system),
    projections: allProjections,
    adapters: chooseAdapters(config),
    roles,
    rateLimitStore,
    rateLimit: { points: config.WITHME_MUTATION_RATE_LIMIT, windowSeconds: 10 },
    presence: system.presence,
    push: webPushConfig(config),
    basePortraits: imageJobBasePortraitQueue(system.commands),
    agentGenerator: modelAgentGenerator(providers.replyModel, templateAgentGenerator),
    persistedOperationsFile: fileURLToPath(
      new URL("../client/dist/persisted-operations.json", import.meta.url),
    ),
    graphiql: config.graphiql,
    operationsToken: config.WITHME_OPERATIONS_TOKEN,
  });
  system.api = api;
  lifecycle.onStop("api", () => api.stop());
  const scheduler = lifeScheduler(system, providers);
  const served = await addAppRoutes(api.router, {
    images: await imageDependencies(system),
    media: providers.media instanceof LocalMediaStorage ? serveLocalMedia(providers.media.directory) : null,
    schedulerTrigger: schedulerTriggerHandler({
      token: config.CRON_TOKEN,
      tick: () => scheduler.tick(system.clock.now()),
    }),
    clientDist: fileURLToPath(new URL("../client/dist", import.meta.url)),
  });
  if (!served) logger.warn("the web client is not built: run `npm run build` to serve it at /");
}

export async function startWithme(config: Config, roles: readonly Role[] = ALL_ROLES): Promise<System> {
  const system = await startCore(config, { handleSignals: false });
  try {
    await startRoles(system, roles);
  } catch (error) {
    await system.lifecycle.stop();
    throw error;
  }
  return system;
}

function cliSystem(system: System): CliSystem {
  return {
    eventStore: system.eventStore,
    lifecycle: system.lifecycle,
    projector: projectorDependencies(system),
  };
}

if (import.meta.main) {
  const cli = buildCli({
    serve: async (config, roles) => {
      const system = await startCore(config);
      await startRoles(system, roles);
      if (process.stderr.isTTY && system.api) {
        const url = system.api.url.replace("127.0.0.1", "localhost");
        process.stderr.write(
          `\n  withme is running: chat ${url}/  ·  admin ${url}/admin (token "dev")  ·  GraphiQL ${url}/graphql\n\n`,
        );
      }
      await new Promise<void>((resolve) =>
        system.lifecycle.signal.addEventListener("abort", () => resolve()),
      );
    },
    // Tools print their own output on stdout; the core's info lines would only get in the way.
    open: async (config) =>
      cliSystem(
        await startCore({
          ...config,
          WITHME_LOG_LEVEL: config.WITHME_LOG_LEVEL === "info" ? "warn" : config.WITHME_LOG_LEVEL,
        }),
      ),
  });
  try {
    await cli.parseAsync(process.argv);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof DomainError ||
      error instanceof pg.DatabaseError
    ) {
      console.error(`withme: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
