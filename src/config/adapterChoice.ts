import { redactUrl } from "../observability/logger.ts";
import type { Config } from "./config.ts";

export interface AdapterChoice {
  port: string;
  adapter: string;
  /** True for the local defaults that stand in for an external service. */
  offline: boolean;
  reason: string;
}

/** Which adapter serves each port and why: the one place `main.ts` and `withme doctor` both read. */
export function chooseAdapters(config: Config): AdapterChoice[] {
  const database: AdapterChoice = config.DATABASE_URL
    ? { port: "Database", adapter: "postgres", offline: false, reason: "DATABASE_URL is set" }
    : {
        port: "Database",
        adapter: "embedded-postgres",
        offline: true,
        reason: `no DATABASE_URL: an embedded PostgreSQL keeps its data in ${config.dataDir}`,
      };
  const eventStore: AdapterChoice = config.EVENTSTOREDB_URL
    ? { port: "EventStore", adapter: "eventstoredb", offline: false, reason: "EVENTSTOREDB_URL is set" }
    : {
        port: "EventStore",
        adapter: "postgres",
        offline: !config.DATABASE_URL,
        reason: "no EVENTSTOREDB_URL: events live in PostgreSQL beside the read models",
      };
  const openAi = config.OPENAI_API_KEY
    ? `OPENAI_API_KEY is set${config.OPENAI_BASE_URL ? ` (endpoint ${redactUrl(config.OPENAI_BASE_URL)})` : ""}`
    : null;
  return [
    database,
    eventStore,
    openAi
      ? { port: "ReplyModel", adapter: `openai (${config.OPENAI_MODEL})`, offline: false, reason: openAi }
      : {
          port: "ReplyModel",
          adapter: "local-persona-engine",
          offline: true,
          reason:
            "no OPENAI_API_KEY: a deterministic local persona engine writes replies (not a language model)",
        },
    openAi
      ? {
          port: "Embedder",
          adapter: `openai (${config.OPENAI_EMBEDDING_MODEL})`,
          offline: false,
          reason: openAi,
        }
      : {
          port: "Embedder",
          adapter: "local-lexical-embedder",
          offline: true,
          reason: "no OPENAI_API_KEY: hashed, stemmed n-grams",
        },
    config.PINECONE_API_KEY
      ? {
          port: "VectorIndex",
          adapter: `pinecone (${config.PINECONE_INDEX})`,
          offline: false,
          reason: "PINECONE_API_KEY is set",
        }
      : {
          port: "VectorIndex",
          adapter: "postgres-vectors",
          offline: true,
          reason: "no PINECONE_API_KEY: vectors in a PostgreSQL table, cosine similarity in process",
        },
    config.falApiKey
      ? { port: "ImageGenerator", adapter: "fal", offline: false, reason: "FAL_API_KEY is set" }
      : {
          port: "ImageGenerator",
          adapter: "local-portrait-renderer",
          offline: true,
          reason: "no FAL_API_KEY: stylised portraits drawn locally as PNG",
        },
    config.SUPABASE_URL && config.SUPABASE_SERVICE_ROLE_KEY
      ? {
          port: "MediaStorage",
          adapter: "supabase-storage",
          offline: false,
          reason: "SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set",
        }
      : {
          port: "MediaStorage",
          adapter: "local-files",
          offline: true,
          reason: `no Supabase service key: files under ${config.dataDir}/media, served at /media`,
        },
    authenticatorChoice(config),
    pushChoice(config),
    config.REDIS_URL
      ? { port: "LiveBus", adapter: "redis", offline: false, reason: "REDIS_URL is set" }
      : config.DATABASE_URL
        ? {
            port: "LiveBus",
            adapter: "postgres-notify",
            offline: false,
            reason: "no REDIS_URL: PostgreSQL NOTIFY carries live updates between processes",
          }
        : {
            port: "LiveBus",
            adapter: "in-process",
            offline: true,
            reason: "single process with an embedded database: live updates stay in memory",
          },
  ];
}

function authenticatorChoice(config: Config): AdapterChoice {
  const dev = config.WITHME_ALLOW_DEV_TOKENS ? " plus dev tokens (dev, dev:<name>)" : "";
  if (config.SUPABASE_JWKS_URL) {
    return {
      port: "Authenticator",
      adapter: `supabase-jwt (JWKS)${dev}`,
      offline: false,
      reason: "SUPABASE_JWKS_URL is set",
    };
  }
  if (config.SUPABASE_JWT_SECRET) {
    return {
      port: "Authenticator",
      adapter: `supabase-jwt (HS256)${dev}`,
      offline: false,
      reason: "SUPABASE_JWT_SECRET is set",
    };
  }
  return {
    port: "Authenticator",
    adapter: "dev-tokens",
    offline: true,
    reason:
      "no Supabase JWT settings: tokens `dev` (admin) and `dev:<name>` (a person); refused in production",
  };
}

function pushChoice(config: Config): AdapterChoice {
  const webPush = Boolean(config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY);
  const fcm = Boolean(config.FCM_PROJECT_ID && config.FCM_CLIENT_EMAIL && config.FCM_PRIVATE_KEY);
  if (webPush && fcm)
    return {
      port: "Push",
      adapter: "web-push + fcm",
      offline: false,
      reason: "VAPID keys and FCM_* are set",
    };
  if (webPush)
    return {
      port: "Push",
      adapter: "web-push",
      offline: false,
      reason: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set",
    };
  if (fcm)
    return {
      port: "Push",
      adapter: "fcm",
      offline: false,
      reason: "FCM_PROJECT_ID, FCM_CLIENT_EMAIL and FCM_PRIVATE_KEY are set",
    };
  return {
    port: "Push",
    adapter: "none",
    offline: true,
    reason: "push disabled: no VAPID keys (nor FCM_*); new messages show only while the app is open",
  };
}
