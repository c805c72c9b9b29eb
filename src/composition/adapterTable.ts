import type { IncomingMessage, ServerResponse } from "node:http";
import { EventStoreDbEventStore } from "../adapters/eventstoredb/eventStoreDbEventStore.ts";
import { FalImageGenerator } from "../adapters/fal/falImageGenerator.ts";
import { FalWebhookVerifier } from "../adapters/fal/falWebhookVerifier.ts";
import { DevTokenAuthenticator } from "../adapters/local/devTokenAuthenticator.ts";
import { InProcessLiveBus } from "../adapters/local/inProcessLiveBus.ts";
import { InProcessPresence } from "../adapters/local/inProcessPresence.ts";
import { LexicalEmbedder } from "../adapters/local/lexicalEmbedder.ts";
import { LocalMediaStorage, serveLocalMedia } from "../adapters/local/localMediaStorage.ts";
import { LocalPortraitRenderer } from "../adapters/local/localPortraitRenderer.ts";
import { OpenAiEmbedder } from "../adapters/openai/openAiEmbedder.ts";
import { OpenAiReplyModel } from "../adapters/openai/openAiReplyModel.ts";
import { PineconeVectorIndex } from "../adapters/pinecone/pineconeVectorIndex.ts";
import { PostgresEventStore } from "../adapters/postgres/postgresEventStore.ts";
import { PostgresLeases } from "../adapters/postgres/postgresLeases.ts";
import { PostgresLiveBus } from "../adapters/postgres/postgresLiveBus.ts";
import { PostgresPresence } from "../adapters/postgres/postgresPresence.ts";
import { PostgresVectorIndex } from "../adapters/postgres/postgresVectorIndex.ts";
import { RedisLiveBus } from "../adapters/redis/redisLiveBus.ts";
import { SupabaseJwtAuthenticator } from "../adapters/supabase/supabaseJwtAuthenticator.ts";
import { SupabaseMediaStorage } from "../adapters/supabase/supabaseMediaStorage.ts";
import { modelStrategies, offlineStrategies, type Strategies } from "../application/strategies.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import { type Config, ConfigError } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Authenticator } from "../ports/authenticator.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { ImageGenerator } from "../ports/imageGenerator.ts";
import type { Leases } from "../ports/lease.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { MediaStorage } from "../ports/mediaStorage.ts";
import type { Presence } from "../ports/presence.ts";
import type { VectorIndex } from "../ports/vectorIndex.ts";
import type { Chosen } from "./chosen.ts";
import { pushChoice } from "./pushChoice.ts";

export type { BuildContext, Chosen } from "./chosen.ts";

type Row<T> = { port: string; choose(config: Config): Chosen<T> };

const row = <T>(port: string, choose: (config: Config) => Chosen<T>): Row<T> => ({ port, choose });

/** Media kept somewhere, and the route that serves it when withme itself does. */
export interface MediaChoice {
  storage: MediaStorage;
  /** Serves `/media/…` from this process; null when the files are served elsewhere. */
  serve: ((request: IncomingMessage, response: ServerResponse) => boolean) | null;
}

const openAiReason = (config: Config) =>
  `OPENAI_API_KEY is set${config.OPENAI_BASE_URL ? ` (endpoint ${config.OPENAI_BASE_URL})` : ""}`;

const openAiClient = (config: Config) => ({
  apiKey: config.OPENAI_API_KEY!,
  ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
});

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
  /** The chat model, and with it how replies, appraisals, summaries and drafts are written. */
  strategies: row<Strategies>("ReplyModel", (config) =>
    config.OPENAI_API_KEY
      ? {
          adapter: `openai (${config.OPENAI_MODEL})`,
          offline: false,
          reason: openAiReason(config),
          build: () =>
            modelStrategies(new OpenAiReplyModel({ ...openAiClient(config), model: config.OPENAI_MODEL })),
        }
      : {
          adapter: "local-persona-engine",
          offline: true,
          reason:
            "no OPENAI_API_KEY: a deterministic local persona engine writes replies (not a language model), rules appraise and summarise",
          build: () => offlineStrategies({ tokenDelayMs: config.WITHME_OFFLINE_TOKEN_DELAY_MS }),
        },
  ),
  embedder: row<Embedder>("Embedder", (config) =>
    config.OPENAI_API_KEY
      ? {
          adapter: `openai (${config.OPENAI_EMBEDDING_MODEL})`,
          offline: false,
          reason: openAiReason(config),
          build: () =>
            new OpenAiEmbedder({
              ...openAiClient(config),
              model: config.OPENAI_EMBEDDING_MODEL,
              ...(config.OPENAI_EMBEDDING_DIMENSIONS
                ? { dimensions: config.OPENAI_EMBEDDING_DIMENSIONS }
                : {}),
            }),
        }
      : {
          adapter: "local-lexical-embedder",
          offline: true,
          reason: "no OPENAI_API_KEY: hashed, stemmed n-grams",
          build: () => new LexicalEmbedder(),
        },
  ),
  vectorIndex: row<VectorIndex>("VectorIndex", (config) =>
    config.PINECONE_API_KEY
      ? {
          adapter: `pinecone (${config.PINECONE_INDEX})`,
          offline: false,
          reason: "PINECONE_API_KEY is set",
          build: ({ dimensions }) =>
            new PineconeVectorIndex({
              apiKey: config.PINECONE_API_KEY!,
              indexName: config.PINECONE_INDEX!,
              dimensions,
              ...(config.PINECONE_HOST ? { indexHost: config.PINECONE_HOST } : {}),
            }),
        }
      : {
          adapter: "postgres-vectors",
          offline: true,
          reason: "no PINECONE_API_KEY: vectors in a PostgreSQL table, cosine similarity in process",
          build: ({ database, dimensions }) => new PostgresVectorIndex(database.pool, { dimensions }),
        },
  ),
  imageGenerator: row<ImageGenerator>("ImageGenerator", (config) =>
    config.falApiKey
      ? {
          adapter: "fal",
          offline: false,
          reason: "FAL_API_KEY is set",
          build: () =>
            new FalImageGenerator({
              credentials: config.falApiKey!,
              models: { basePortrait: config.FAL_PORTRAIT_MODEL, variation: config.FAL_EDIT_MODEL },
              verifier: new FalWebhookVerifier(),
            }),
        }
      : {
          adapter: "local-portrait-renderer",
          offline: true,
          reason: "no FAL_API_KEY: stylised portraits drawn locally as PNG",
          build: () => new LocalPortraitRenderer(),
        },
  ),
  media: row<MediaChoice>("MediaStorage", (config) =>
    config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY
      ? {
          adapter: "supabase-storage",
          offline: false,
          reason: "SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set",
          build: () => ({
            storage: new SupabaseMediaStorage({
              url: config.SUPABASE_URL!,
              serviceRoleKey: config.SUPABASE_SERVICE_ROLE_KEY!,
              bucket: config.SUPABASE_STORAGE_BUCKET,
              access: config.SUPABASE_STORAGE_ACCESS,
            }),
            serve: null,
          }),
        }
      : {
          adapter: "local-files",
          offline: true,
          reason: `no Supabase service key: files under ${config.dataDir}/media, served at /media`,
          build: () => {
            const storage = new LocalMediaStorage({
              dataDir: config.dataDir,
              publicBaseUrl: config.PUBLIC_BASE_URL,
            });
            return { storage, serve: serveLocalMedia(storage.directory) };
          },
        },
  ),
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
