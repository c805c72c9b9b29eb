import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";
import { MASTER_KEY_FORMAT, MasterKey, parseMasterKey } from "../application/privacy/masterKey.ts";
import {
  flag,
  isVapidSubject,
  list,
  numberField,
  optionalFlag,
  optionalText,
  optionalUrl,
  port,
  positive,
} from "./environmentFields.ts";

const environmentSchema = z.object({
  PORT: port(4000),
  HOST: optionalText.default("0.0.0.0"),
  /** `/health` and `/ready` for the projector and worker roles, which have no API server. */
  HEALTH_PORT: port(undefined),
  WITHME_DATA_DIR: optionalText.default("./.data"),
  WITHME_ENV: z.enum(["development", "production"]).default("development"),
  WITHME_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"], "postgres://user:pass@host:5432/withme"),
  DATABASE_POOL_SIZE: positive(10),
  EVENTSTOREDB_URL: optionalUrl(
    ["esdb:", "esdb+discover:", "kurrentdb:", "kurrentdb+discover:"],
    "esdb://host:2113",
  ),
  REDIS_URL: optionalUrl(["redis:", "rediss:"], "redis://127.0.0.1:6379"),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl(["http:", "https:"], "http://127.0.0.1:11434/v1"),
  OPENAI_MODEL: optionalText.default("gpt-4o-mini"),
  OPENAI_EMBEDDING_MODEL: optionalText.default("text-embedding-3-small"),
  OPENAI_EMBEDDING_DIMENSIONS: numberField(
    undefined,
    (n) => Number.isInteger(n) && n > 0 && n <= 8192,
    "must be a whole number of dimensions, e.g. 1536",
  ),
  WITHME_OFFLINE_TOKEN_DELAY_MS: numberField(
    25,
    (n) => Number.isFinite(n) && n >= 0 && n <= 2_000,
    "must be between 0 and 2000 milliseconds",
  ),
  /** A sleeping agent answers people it is not close to when it wakes up, or drowsily at once. */
  WITHME_ASLEEP_REPLIES: z.enum(["defer", "drowsy"]).default("defer"),
  /** Where the agents' weather comes from: their cities' climate normals, or Open-Meteo's forecast (no key). */
  WITHME_WEATHER: z.enum(["normals", "open-meteo"]).default("normals"),
  OPEN_METEO_URL: optionalUrl(["http:", "https:"], "https://api.open-meteo.com"),
  /** Three starter companions on a fresh install; by default with the embedded database outside production. */
  WITHME_STARTER_AGENTS: optionalFlag,
  FAL_API_KEY: optionalText,
  FALAI_API_KEY: optionalText,
  FAL_PORTRAIT_MODEL: optionalText.default("fal-ai/flux/dev"),
  FAL_EDIT_MODEL: optionalText.default("fal-ai/nano-banana/edit"),
  SUPABASE_STORAGE_BUCKET: optionalText.default("agent-avatars"),
  SUPABASE_STORAGE_ACCESS: z.enum(["public", "signed"]).default("signed"),
  SUPABASE_URL: optionalUrl(["http:", "https:"], "https://project.supabase.co"),
  SUPABASE_SERVICE_ROLE_KEY: optionalText,
  SUPABASE_ANON_KEY: optionalText,
  SUPABASE_JWT_SECRET: optionalText,
  SUPABASE_JWKS_URL: optionalUrl(
    ["http:", "https:"],
    "https://project.supabase.co/auth/v1/.well-known/jwks.json",
  ),
  SUPABASE_JWT_ISSUER: optionalText,
  SUPABASE_JWT_AUDIENCE: optionalText.default("authenticated"),
  ADMIN_SUBJECTS: list,
  PINECONE_API_KEY: optionalText,
  PINECONE_INDEX: optionalText,
  PINECONE_HOST: optionalUrl(["http:", "https:"], "https://withme-abc123.svc.pinecone.io"),
  CRON_TOKEN: optionalText,
  VAPID_PUBLIC_KEY: optionalText,
  VAPID_PRIVATE_KEY: optionalText,
  VAPID_SUBJECT: optionalText.refine((value) => value === undefined || isVapidSubject(value), {
    message: "must be a mailto: address or an https: URL (e.g. mailto:ops@example.com)",
  }),
  FCM_PROJECT_ID: optionalText,
  FCM_CLIENT_EMAIL: optionalText,
  FCM_PRIVATE_KEY: optionalText,
  PUBLIC_BASE_URL: optionalUrl(["http:", "https:"], "https://withme.example.com"),
  WITHME_ALLOW_DEV_TOKENS: flag(true),
  /** Wraps every person's data key; without it a key file in the data folder is made and used. */
  WITHME_MASTER_KEY: optionalText.transform((value, context) => {
    if (value === undefined) return undefined;
    const bytes = parseMasterKey(value);
    if (bytes) return new MasterKey(bytes);
    context.addIssue({ code: "custom", message: MASTER_KEY_FORMAT });
    return z.NEVER;
  }),
  /** GraphiQL at GET /graphql in a browser; on outside production, off in production unless set. */
  WITHME_GRAPHIQL: optionalFlag,
  /** Bearer token for /status and /metrics on the API port in production (they are not served there without it). */
  WITHME_OPERATIONS_TOKEN: optionalText,
  /** How long a requested account deletion waits before the person is erased (default 24 h). */
  WITHME_ACCOUNT_DELETION_GRACE_SECONDS: positive(86_400),
  /** Mutations one person may make per 10 seconds. */
  WITHME_MUTATION_RATE_LIMIT: positive(30),
  /** Bytes a WebSocket connection may leave unread before it is closed with 4413 (default 8 MiB). */
  WITHME_WS_MAX_BUFFERED_BYTES: positive(8 * 1024 * 1024),
  /**
   * How often a WebSocket connection is pinged; one that has not answered by the next ping is
   * dropped (default 12 s). Keep it under a proxy's idle timeout.
   */
  WITHME_WS_KEEP_ALIVE_MS: positive(12_000),
  /** WebSocket connections one person may hold open in an API process; more are closed with 4429. */
  WITHME_WS_MAX_CONNECTIONS_PER_PERSON: positive(100),
  /**
   * Signed-out WebSocket connections one address may hold open in an API process; more are closed
   * with 4429. Every subscription needs a sign-in. Behind a proxy, the proxy is the address.
   */
  WITHME_WS_MAX_SIGNED_OUT_CONNECTIONS_PER_ADDRESS: positive(20),
});

export type Environment = z.output<typeof environmentSchema>;

export interface Config extends Environment {
  dataDir: string;
  production: boolean;
  /** Whether the all-in-one process creates the starter companions that never existed. */
  starterAgents: boolean;
  /** Whether GET /graphql serves GraphiQL to a browser. */
  graphiql: boolean;
  falApiKey: string | undefined;
  /** The contact push services see in VAPID: VAPID_SUBJECT, else PUBLIC_BASE_URL when it is https. */
  vapidSubject: string | undefined;
}

/** A setting that cannot be used; start-up stops with one line per variable. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`configuration is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Reads the environment, with `.env` (when present) filling what the environment leaves unset. */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  options: { cwd?: string; envFile?: string | false } = {},
): Config {
  const cwd = options.cwd ?? process.cwd();
  const envFile = options.envFile === undefined ? path.join(cwd, ".env") : options.envFile;
  const fromFile = envFile && existsSync(envFile) ? dotenv.parse(readFileSync(envFile)) : {};
  const merged = { ...fromFile, ...environment };
  const result = environmentSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const given = merged[name];
        const secret = /KEY|SECRET|TOKEN|PASSWORD/.test(name) || /URL/.test(name);
        return `${name}: ${issue.message}${given !== undefined && !secret ? ` (got "${given}")` : ""}`;
      }),
    );
  }
  const env = result.data;
  const config: Config = {
    ...env,
    dataDir: path.resolve(cwd, env.WITHME_DATA_DIR),
    production: env.WITHME_ENV === "production",
    starterAgents: env.WITHME_STARTER_AGENTS ?? (!env.DATABASE_URL && env.WITHME_ENV !== "production"),
    graphiql: env.WITHME_GRAPHIQL ?? env.WITHME_ENV !== "production",
    falApiKey: env.FAL_API_KEY ?? env.FALAI_API_KEY,
    vapidSubject:
      env.VAPID_SUBJECT ??
      (env.PUBLIC_BASE_URL && isVapidSubject(env.PUBLIC_BASE_URL) ? env.PUBLIC_BASE_URL : undefined),
    WITHME_ALLOW_DEV_TOKENS: env.WITHME_ENV === "production" ? false : env.WITHME_ALLOW_DEV_TOKENS,
  };
  const problems = crossChecks(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function crossChecks(config: Config): string[] {
  const problems: string[] = [];
  if (config.PINECONE_API_KEY && !config.PINECONE_INDEX) {
    problems.push("PINECONE_INDEX: must be set when PINECONE_API_KEY is (the index to store memories in)");
  }
  if (config.SUPABASE_SERVICE_ROLE_KEY && !config.SUPABASE_URL) {
    problems.push("SUPABASE_URL: must be set when SUPABASE_SERVICE_ROLE_KEY is");
  }
  if (config.production && !config.SUPABASE_JWT_SECRET && !config.SUPABASE_JWKS_URL) {
    problems.push(
      "SUPABASE_JWT_SECRET: production needs SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL to verify sign-ins (dev tokens are refused there)",
    );
  }
  if (Boolean(config.VAPID_PUBLIC_KEY) !== Boolean(config.VAPID_PRIVATE_KEY)) {
    problems.push(
      "VAPID_PRIVATE_KEY: set both VAPID keys or neither (`npx web-push generate-vapid-keys` prints a pair)",
    );
  }
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY && !config.vapidSubject) {
    problems.push(
      "VAPID_SUBJECT: must be set when the VAPID keys are (a mailto: or https: contact for the push services)",
    );
  }
  const fcm = [config.FCM_PROJECT_ID, config.FCM_CLIENT_EMAIL, config.FCM_PRIVATE_KEY].filter(Boolean).length;
  if (fcm > 0 && fcm < 3) {
    problems.push("FCM_PRIVATE_KEY: FCM needs FCM_PROJECT_ID, FCM_CLIENT_EMAIL and FCM_PRIVATE_KEY together");
  }
  return problems;
}
