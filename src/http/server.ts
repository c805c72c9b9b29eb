import http from "node:http";
import type { AddressInfo } from "node:net";
import { followErasures } from "../application/privacy/erasureNotices.ts";
import { pushDisabled } from "../application/users/pushConfig.ts";
import { ConfigError } from "../config/config.ts";
import { isStreamOfPerson } from "../domain/streamIds.ts";
import { ConversationSnapshots } from "../graphql/conversationSnapshots.ts";
import { CommittedEventFeed } from "../graphql/eventFeed.ts";
import { LiveTopics } from "../graphql/liveTopics.ts";
import { loadPersistedOperations } from "../graphql/persistedOperations.ts";
import { defaultMutationRateLimit } from "../graphql/rateLimit.ts";
import { RecentWrites } from "../graphql/recentWrites.ts";
import { DEFAULT_MAX_SIGNED_OUT_SOCKETS_PER_ADDRESS } from "../graphql/signedOutSockets.ts";
import { DEFAULT_MAX_BUFFERED_BYTES } from "../graphql/socketWrites.ts";
import { OpenSubscriptions } from "../graphql/subscriptionLimits.ts";
import { Viewers } from "../graphql/viewers.ts";
import { attachGraphQLWebSocket, DEFAULT_MAX_SOCKETS_PER_PERSON } from "../graphql/websocket.ts";
import { createWithmeYoga } from "../graphql/yoga.ts";
import { createApiMetrics } from "../observability/metrics.ts";
import type { ApiServerDeps } from "./apiServerDeps.ts";
import { graphqlHandler } from "./graphqlHandler.ts";
import { addOperationsRoutes } from "./operationsRoutes.ts";
import { requestListener, upgradeListener } from "./requestListener.ts";
import { Router } from "./router.ts";

export interface ApiServer {
  port: number;
  url: string;
  /** Other roles add their routes here (webhooks, media, the web client). */
  router: Router;
  /** `/ready` answers 503 until this is called, once everything the process runs has started. */
  markStarted(): void;
  /** Subscriptions the person holds open here; each listens from the moment it counts. */
  openSubscriptionsOf(userId: string): number;
  stop(): Promise<void>;
}

/** The HTTP server: GraphQL over HTTP, SSE and WebSocket on `/graphql`, and the operations endpoints. */
export async function startApiServer(deps: ApiServerDeps): Promise<ApiServer> {
  const { logger, projections } = deps;
  const bodyLimitBytes = deps.bodyLimitBytes ?? 100 * 1024;
  const metrics = createApiMetrics({ projectionLag: () => projections.statuses() });
  const feed = new CommittedEventFeed({
    events: deps.events,
    leases: deps.leases,
    clock: deps.clock,
    logger,
  });
  await feed.start();
  const persisted = loadPersistedOperations(deps.persistedOperationsFile);
  if (deps.production && !persisted.present)
    throw new ConfigError([
      `${deps.persistedOperationsFile}: production runs only the web client's own operations, and their list is missing; build the client (npm run build) before starting`,
    ]);
  const viewers = new Viewers(deps.authenticator, deps.commands, deps.clock, deps.privacy ?? null);
  const subscriptions = new OpenSubscriptions(deps.subscriptionCaps);
  const recentWrites = new RecentWrites({
    readModels: deps.readModels,
    comparePositions: (a, b) => deps.events.store.comparePositions(a, b),
  });
  const unhookWrites = deps.commands.onAppended((streamId, _events, _first, position) =>
    recentWrites.wrote(streamId, position),
  );
  const services = {
    commands: deps.commands,
    events: deps.events,
    bus: deps.bus,
    clock: deps.clock,
    readModels: deps.readModels,
    feed,
    liveTopics: new LiveTopics(deps.bus),
    projections,
    basePortraits: deps.basePortraits ?? null,
    agentGenerator: deps.agentGenerator ?? null,
    media: deps.media ?? null,
    onSubscription: (delta: 1 | -1) => metrics.activeSubscriptions.inc({ transport: "graphql" }, delta),
    subscriptions,
    snapshots: new ConversationSnapshots(),
    presence: deps.presence ?? null,
    push: deps.push ?? pushDisabled,
    privacy: deps.privacy ?? null,
    roles: viewers.roleChanges,
    localTurns: deps.localTurns ?? null,
    recentWrites,
  };
  const yoga = createWithmeYoga({
    services,
    viewers,
    logger,
    metrics,
    production: deps.production,
    persisted,
    rateLimit: deps.rateLimit ?? defaultMutationRateLimit,
    rateLimitStore: deps.rateLimitStore ?? null,
    maxDepth: deps.maxDepth ?? 12,
    graphiql: deps.graphiql ?? !deps.production,
  });
  const router = new Router();
  let started = false;
  const stopping = new AbortController();
  router.add(
    "*",
    "/graphql",
    graphqlHandler(yoga, bodyLimitBytes, (token) => viewers.verifies(token)),
  );
  addOperationsRoutes(router, {
    metrics,
    store: deps.events.store,
    leases: deps.leases,
    projections,
    adapters: deps.adapters,
    roles: deps.roles,
    pingDatabase: deps.pingDatabase,
    startedAt: new Date(),
    production: deps.production,
    operationsToken: deps.operationsToken,
    started: () => started,
    stopping: stopping.signal,
  });

  const active = new Set<AbortController>();
  const server = http.createServer(requestListener({ logger, router, metrics, active }));
  const webSocket = attachGraphQLWebSocket({
    server,
    yoga,
    viewers,
    logger,
    metrics,
    persisted,
    enforcePersisted: deps.production,
    maxPayloadBytes: bodyLimitBytes,
    maxBufferedBytes: deps.socketBufferBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
    keepAliveMs: deps.keepAliveMs ?? 12_000,
    maxSocketsPerPerson: deps.socketsPerPerson ?? DEFAULT_MAX_SOCKETS_PER_PERSON,
    maxSignedOutSocketsPerAddress:
      deps.signedOutSocketsPerAddress ?? DEFAULT_MAX_SIGNED_OUT_SOCKETS_PER_ADDRESS,
  });
  server.on("upgrade", upgradeListener(webSocket, logger));
  void followErasures(
    deps.bus,
    (userId) => {
      subscriptions.endAllOf(userId);
      webSocket.closeSocketsOf(userId);
      services.snapshots.forgetWhere(isStreamOfPerson(userId));
    },
    stopping.signal,
    (error) => logger.error({ err: error }, "following erasure notices failed"),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${deps.host === "0.0.0.0" || deps.host === "::" ? "127.0.0.1" : deps.host}:${port}`;
  logger.info({ url: `${url}/graphql`, persistedOperations: persisted.count }, "GraphQL API listening");
  return {
    port,
    url,
    router,
    markStarted: () => {
      started = true;
    },
    openSubscriptionsOf: (userId) => subscriptions.of(userId),
    stop: async () => {
      stopping.abort();
      unhookWrites();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await webSocket.close();
      for (const controller of active) controller.abort();
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(grace);
      await feed.stop();
    },
  };
}
