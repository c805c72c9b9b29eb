import type { CommonQueryMethods } from "slonik";
import type { AgentGenerator } from "../application/agents/agentGenerator.ts";
import type { BasePortraitQueue } from "../application/agents/basePortraitQueue.ts";
import type { CommandHandler } from "../application/commandHandler.ts";
import type { LocalTurns } from "../application/conversations/sendMessage.ts";
import type { EventLog } from "../application/eventLog.ts";
import type { AccountPrivacy } from "../application/privacy/accountDeletion.ts";
import type { PushConfig } from "../application/users/pushConfig.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import type { ProjectionAdmin } from "../graphql/projectionAdmin.ts";
import type { MutationRateLimit } from "../graphql/rateLimit.ts";
import type { SubscriptionCaps } from "../graphql/subscriptionLimits.ts";
import type { Logger } from "../observability/logger.ts";
import type { Authenticator } from "../ports/authenticator.ts";
import type { Clock } from "../ports/clock.ts";
import type { Leases } from "../ports/lease.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { MediaStorage } from "../ports/mediaStorage.ts";
import type { Presence } from "../ports/presence.ts";

export interface ApiServerDeps {
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
  commands: CommandHandler;
  events: EventLog;
  bus: LiveBus;
  leases: Leases;
  clock: Clock;
  /** The read models (`rm.*` views). */
  readModels: CommonQueryMethods;
  /** A cheap query that proves the database answers. */
  pingDatabase(): Promise<void>;
  authenticator: Authenticator;
  /** The read models' status and rebuilds, for operators. */
  projections: ProjectionAdmin;
  adapters: AdapterChoice[];
  roles: readonly string[];
  basePortraits?: BasePortraitQueue | null;
  agentGenerator?: AgentGenerator | null;
  media?: MediaStorage | null;
  rateLimit?: MutationRateLimit;
  /** A Redis client shared by API replicas for rate limits; in memory without one. */
  rateLimitStore?: unknown;
  persistedOperationsFile: string;
  presence?: Presence | null;
  /** Web Push as browsers see it; off when left out. */
  push?: PushConfig;
  bodyLimitBytes?: number;
  /** Bytes a WebSocket connection may leave unread before it is closed (default 8 MiB). */
  socketBufferBytes?: number;
  /** How often each WebSocket connection is pinged; one silent until the next ping is dropped (default 12 s). */
  keepAliveMs?: number;
  /** WebSocket connections one person may hold open at once (default 20). */
  socketsPerPerson?: number;
  /** Signed-out WebSocket connections one address may hold open at once (default 20). */
  signedOutSocketsPerAddress?: number;
  maxDepth?: number;
  subscriptionCaps?: SubscriptionCaps;
  /** GraphiQL at GET /graphql; on by default outside production only. */
  graphiql?: boolean;
  /** In production, /status and /metrics answer only with this bearer token. */
  operationsToken?: string;
  /** Account deletion and erasure; erased people's sign-ins are refused. */
  privacy?: AccountPrivacy | null;
  /** Where this process also writes replies: each counted from its message's acceptance, its reads started beside the commit. */
  localTurns?: LocalTurns | null;
}
