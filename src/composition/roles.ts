import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { allProjections } from "../../projections/index.ts";
import { Projector, type ProjectorDependencies } from "../../projections/runner/projector.ts";
import { PostgresCheckpointStore } from "../adapters/postgres/postgresCheckpointStore.ts";
import { seedStarterAgents } from "../application/agents/starterAgents.ts";
import { warmUpTurn } from "../application/engine/turnContext.ts";
import { imageJobBasePortraitQueue } from "../application/images/basePortraits.ts";
import { schedulerTriggerHandler } from "../application/life/schedulerTrigger.ts";
import { erasedPersonCheck } from "../application/privacy/erasedPeople.ts";
import { withmePersonalData } from "../application/privacy/personalDataPolicy.ts";
import { webPushConfig } from "../application/users/pushConfig.ts";
import type { Role } from "../cli/program.ts";
import { catalogue } from "../domain/catalogue.ts";
import { createProjectionAdmin } from "../graphql/projectionAdmin.ts";
import { addAppRoutes } from "../http/appRoutes.ts";
import { startHealthServer } from "../http/healthServer.ts";
import { startApiServer } from "../http/server.ts";
import { startWorkerRole } from "../runtime/workerRole.ts";
import { accountPrivacy, runDueErasures } from "./accountPrivacy.ts";
import { adapterTable, describeAdapters } from "./adapterTable.ts";
import type { System } from "./system.ts";

/** What the projector, rebuilds and projection status need from the core. */
export function projectorDependencies(system: System): ProjectorDependencies {
  return {
    pool: system.database.sql,
    raw: system.database.pool,
    store: system.eventStore,
    catalogue,
    bus: system.bus,
    leases: system.leases,
    clock: system.clock,
    logger: system.logger,
    priority: system.turns,
  };
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
      replies: providers?.strategies.replies.describe(),
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
    checks: {
      database: () => system.database.pool.query("select 1"),
      eventStore: () => system.eventStore.headPosition(),
    },
    production: config.production,
    operationsToken: config.WITHME_OPERATIONS_TOKEN,
  });
  lifecycle.onStop("health", () => health.stop());
  logger.info({ port: health.port }, "health endpoints listening on /health and /ready");
  return health;
}

/** Runs work until the lifecycle stops it. */
function runUntilStopped(system: System, name: string, work: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController();
  const running = work(controller.signal).catch((error) =>
    system.logger.error({ err: error }, `${name} stopped`),
  );
  system.lifecycle.onStop(name, async () => {
    controller.abort();
    await running;
  });
}

/** Every read model, kept up to date while this process holds the projector lease. */
function startProjector(system: System): void {
  runUntilStopped(system, "projector", (signal) =>
    new Projector(projectorDependencies(system), allProjections).run(signal),
  );
}

async function startWorker(system: System): Promise<void> {
  const { engine, images, scheduler, push } = await system.services();
  const reactors = {
    events: system.events,
    checkpoints: new PostgresCheckpointStore(system.database.pool),
    leases: system.leases,
    clock: system.clock,
    logger: system.logger.child({ component: "worker" }),
    priority: system.turns,
    ofErasedPerson: erasedPersonCheck(
      system.privacy.keys,
      withmePersonalData,
      async (streamId) => (await system.events.readStream(streamId, { maxCount: 1 }))[0] ?? null,
    ),
  };
  runUntilStopped(system, "worker", (signal) =>
    startWorkerRole(
      { reactors, engine, images, scheduler, push, drainMs: system.overrides.drainMs ?? 15_000 },
      signal,
    ),
  );
  const privacy = accountPrivacy(system, await system.providers());
  runUntilStopped(system, "erasures", (signal) =>
    runDueErasures(system, privacy, signal, system.overrides.erasureSweepMs),
  );
}

/** The GraphQL API and HTTP endpoints on PORT/HOST; stopping closes sockets with a reconnect hint. */
async function startApi(system: System, roles: readonly Role[]): Promise<void> {
  const { config, logger, lifecycle } = system;
  const given = system.overrides.api ?? {};
  const providers = await system.providers();
  const { engine, images, scheduler } = await system.services();
  const rateLimitStore = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { connectionName: "withme-rate-limits", enableOfflineQueue: false })
    : null;
  if (rateLimitStore) lifecycle.onStop("rate limit store", () => void rateLimitStore.disconnect());
  const projections = createProjectionAdmin(projectorDependencies(system), allProjections);
  lifecycle.onStop("projection rebuilds", () => projections.stop());
  const clientDist = given.clientDist ?? fileURLToPath(new URL("../../client/dist", import.meta.url));
  const api = await startApiServer({
    host: config.HOST,
    port: config.PORT,
    production: config.production,
    logger,
    commands: system.commands,
    events: system.events,
    bus: system.bus,
    leases: system.leases,
    clock: system.clock,
    readModels: system.database.sql,
    pingDatabase: async () => void (await system.database.pool.query("select 1")),
    authenticator: adapterTable.authenticator.choose(config).build({ ...system, dimensions: 0 }),
    projections,
    adapters: describeAdapters(config),
    roles,
    rateLimitStore,
    rateLimit: given.rateLimit ?? { points: config.WITHME_MUTATION_RATE_LIMIT, windowSeconds: 10 },
    subscriptionCaps: given.subscriptionCaps,
    socketBufferBytes: config.WITHME_WS_MAX_BUFFERED_BYTES,
    keepAliveMs: config.WITHME_WS_KEEP_ALIVE_MS,
    socketsPerPerson: config.WITHME_WS_MAX_CONNECTIONS_PER_PERSON,
    signedOutSocketsPerAddress: config.WITHME_WS_MAX_SIGNED_OUT_CONNECTIONS_PER_ADDRESS,
    presence: system.presence,
    push: webPushConfig(config),
    basePortraits: imageJobBasePortraitQueue(system.commands),
    agentGenerator: given.agentGenerator ?? providers.strategies.agentDrafts,
    media: providers.media.storage,
    persistedOperationsFile: given.persistedOperationsFile ?? `${clientDist}/persisted-operations.json`,
    graphiql: config.graphiql,
    operationsToken: config.WITHME_OPERATIONS_TOKEN,
    privacy: accountPrivacy(system, providers),
    localTurns: roles.includes("worker")
      ? {
          expect: (key: string) => system.turns.expect(key),
          warmUp: (userId: string, agentId: string) => warmUpTurn(engine, userId, agentId),
        }
      : null,
  });
  system.api = api;
  lifecycle.onStop("api", () => api.stop());
  const served = await addAppRoutes(api.router, {
    images,
    media: providers.media.serve,
    schedulerTrigger: schedulerTriggerHandler({
      token: config.CRON_TOKEN,
      tick: () => scheduler.tick(system.clock.now()),
    }),
    clientDist,
  });
  if (!served) logger.warn("the web client is not built: run `npm run build` to serve it at /");
}
