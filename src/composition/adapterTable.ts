import { EventStoreDbEventStore } from "../adapters/eventstoredb/eventStoreDbEventStore.ts";
import { DevTokenAuthenticator } from "../adapters/local/devTokenAuthenticator.ts";
import { InProcessLiveBus } from "../adapters/local/inProcessLiveBus.ts";
import { InProcessPresence } from "../adapters/local/inProcessPresence.ts";
import { PostgresEventStore } from "../adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "../adapters/postgres/postgresLeases.ts";
import { PostgresLiveBus } from "../adapters/postgres/postgresLiveBus.ts";
import { PostgresPresence } from "../adapters/postgres/postgresPresence.ts";
import { RedisLiveBus } from "../adapters/redis/redisLiveBus.ts";
import { SupabaseJwtAuthenticator } from "../adapters/supabase/supabaseJwtAuthenticator.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import { type Config, ConfigError } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Authenticator } from "../ports/authenticator.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { Presence } from "../ports/presence.ts";
import { type Row, row } from "./chosen.ts";
import { providerRows } from "./providerRows.ts";
import { pushChoice } from "./pushChoice.ts";

export type { BuildContext, Chosen } from "./chosen.ts";
export type { MediaChoice } from "./providerRows.ts";

/**
 * Every port, the adapter configuration chooses for it, why, and how to build it: the one place
 * `main.ts` builds adapters from and `withme doctor` explains.
 */
export const adapterTable = {
  database: row<null>("Database", (config) =>
    config.DATABASE_URL
      ? { adapter: "postgres", offline: false, reason: "DATABASE_URL is set", build: () => null }
      : {
          adapter: "embedded-postgres",
          offline: true,
          reason: `no DATABASE_URL: an embedded PostgreSQL keeps its data in ${config.dataDir}`,
          build: () => null,
        },
  ),
  eventStore: row<EventStore>("EventStore", (config) =>
    config.EVENTSTOREDB_URL
      ? {
          adapter: "eventstoredb",
          offline: false,
          reason: "EVENTSTOREDB_URL is set",
          build: () => EventStoreDbEventStore.connect(config.EVENTSTOREDB_URL!),
        }
      : {
          adapter: "postgres",
          offline: !config.DATABASE_URL,
          reason: "no EVENTSTOREDB_URL: events live in PostgreSQL beside the read models",
          build: ({ database }) => new PostgresEventStore(database.pool, database.url),
        },
  ),
  liveBus: row<LiveBus>("LiveBus", (config) => {
    const onError = (logger: Logger) => (error: unknown) =>
      logger.warn({ err: error }, "live bus connection trouble");
    if (config.REDIS_URL)
      return {
        adapter: "redis",
        offline: false,
        reason: "REDIS_URL is set",
        build: ({ logger }) => new RedisLiveBus(config.REDIS_URL!, { onError: onError(logger) }),
      };
    if (config.DATABASE_URL)
      return {
        adapter: "postgres-notify",
        offline: false,
        reason: "no REDIS_URL: PostgreSQL NOTIFY carries live updates between processes",
        build: ({ database, logger }) =>
          new PostgresLiveBus(database.pool, database.url, { onError: onError(logger) }),
      };
    return {
      adapter: "in-process",
      offline: true,
      reason: "single process with an embedded database: live updates stay in memory",
      build: () => new InProcessLiveBus(),
    };
  }),
  presence: row<Presence>("Presence", (config) =>
    config.DATABASE_URL
      ? {
          adapter: "postgres-presence",
          offline: false,
          reason: "DATABASE_URL is set: API replicas share who is connected through a table",
          build: ({ database }) => new PostgresPresence(database.pool),
        }
      : {
          adapter: "in-process",
          offline: true,
          reason: "single process with an embedded database: connections are counted in memory",
          build: () => new InProcessPresence(),
        },
  ),
  leases: row<Leases>("Leases", (config) => ({
    adapter: "postgres-advisory-locks",
    offline: !config.DATABASE_URL,
    reason: "session advisory locks: one projector, reactor and scheduler at a time across processes",
    build: ({ database }) => new PostgresLeases(database.url, database.pool),
  })),
  ...providerRows,
  authenticator: row<Authenticator>("Authenticator", (config) => {
    const dev = config.WITHME_ALLOW_DEV_TOKENS ? " plus dev tokens (dev, dev:<name>)" : "";
    const supabase = () =>
      new SupabaseJwtAuthenticator({
        secret: config.SUPABASE_JWT_SECRET,
        jwksUrl: config.SUPABASE_JWKS_URL,
        issuer:
          config.SUPABASE_JWT_ISSUER ?? (config.SUPABASE_URL ? `${config.SUPABASE_URL}/auth/v1` : undefined),
        audience: config.SUPABASE_JWT_AUDIENCE,
        adminSubjects: config.ADMIN_SUBJECTS,
      });
    const withDevTokens = (inner: SupabaseJwtAuthenticator | null): Authenticator => {
      if (config.WITHME_ALLOW_DEV_TOKENS) return new DevTokenAuthenticator(inner);
      if (!inner)
        throw new ConfigError(["SUPABASE_JWT_SECRET: set it or SUPABASE_JWKS_URL to verify sign-ins"]);
      return inner;
    };
    if (config.SUPABASE_JWKS_URL || config.SUPABASE_JWT_SECRET)
      return {
        adapter: `supabase-jwt (${config.SUPABASE_JWKS_URL ? "JWKS" : "HS256"})${dev}`,
        offline: false,
        reason: config.SUPABASE_JWKS_URL ? "SUPABASE_JWKS_URL is set" : "SUPABASE_JWT_SECRET is set",
        build: () => withDevTokens(supabase()),
      };
    return {
      adapter: "dev-tokens",
      offline: true,
      reason:
        "no Supabase JWT settings: tokens `dev` (admin) and `dev:<name>` (a person); refused in production",
      build: () => withDevTokens(null),
    };
  }),
  push: row("Push", pushChoice),
} as const;

/** What `withme doctor` prints and `/status` shows: each port, its adapter, and why. */
export function describeAdapters(config: Config): AdapterChoice[] {
  return Object.values(adapterTable).map((entry: Row<unknown>) => {
    const { adapter, offline, reason } = entry.choose(config);
    return { port: entry.port, adapter, offline, reason };
  });
}
