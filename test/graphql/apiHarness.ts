import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Client, createClient } from "graphql-ws";
import { SignJWT } from "jose";
import WebSocket from "ws";
import { loadConfig } from "../../src/config/config.ts";
import { type Role, type System, startWithme } from "../../src/main.ts";
import { eventually } from "../support/coreHarness.ts";
import { createTestDatabase } from "../support/testDatabase.ts";

export const JWT_SECRET = "test-secret-for-withme-e2e-0123456789abcdef";
export const JWT_ISSUER = "https://withme.test/auth/v1";

export interface TestApi {
  system: System;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** A server's configuration for tests: its database and data folder, a free port, quiet logs. */
export function testServerConfig(databaseUrl: string, dataDir: string, env: Record<string, string> = {}) {
  return loadConfig(
    {
      DATABASE_URL: databaseUrl,
      WITHME_DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      // Replies go out at once, whatever the hour in the agents' time zones when the suite runs.
      WITHME_ASLEEP_REPLIES: "drowsy",
      ...env,
    },
    { envFile: false },
  );
}

/** The server in this process on a free port, with a fresh database, the API and the projector. */
export async function startTestApi(
  env: Record<string, string> = {},
  roles: readonly Role[] = ["api", "projector"],
): Promise<TestApi> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-api-"));
  const config = testServerConfig(database.url, dataDir, {
    SUPABASE_JWT_SECRET: JWT_SECRET,
    SUPABASE_JWT_ISSUER: JWT_ISSUER,
    ...env,
  });
  const system = await startWithme(config, roles);
  const url = system.api!.url;
  return {
    system,
    url,
    wsUrl: `${url.replace("http", "ws")}/graphql`,
    close: async () => {
      await system.lifecycle.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** GraphQL results in tests: their shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: the assertions are the type check here
export type Loose = any;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function gql<T = Record<string, Loose>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export function codesOf(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

export function wsClient(wsUrl: string, token: string | null, onClose?: (code: number) => void): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
    onNonLazyError: () => {},
  });
}

/**
 * Resolves once the person holds at least `count` open subscriptions on the server. A subscription
 * listens from the moment it counts, so whatever happens afterwards reaches it: wait for this
 * between subscribing and making something happen, instead of waiting for a while.
 */
export async function listening(api: TestApi, token: string, count = 1): Promise<void> {
  const me = await gql(api.url, "{ me { id } }", {}, token);
  const userId = me.data?.me.id as string;
  await eventually(async () => api.system.api!.openSubscriptionsOf(userId) >= count, 30_000);
}

/** Collects a subscription's results until `done` says so (or it ends); rejects on errors. */
export function collect<T = Record<string, Loose>>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  done: (items: T[]) => boolean,
): { items: T[]; finished: Promise<T[]>; stop: () => void; client: Client } {
  const items: T[] = [];
  let stop = () => {};
  const finished = new Promise<T[]>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors)
            reject(Object.assign(new Error(result.errors[0]!.message), { errors: result.errors }));
          else if (result.data) items.push(result.data as T);
          if (done(items)) {
            stop();
            resolve(items);
          }
        },
        error: (error) => reject(error),
        complete: () => resolve(items),
      },
    );
  });
  finished.catch(() => {});
  return { items, finished, stop: () => stop(), client };
}

export async function signToken(options: {
  sub: string;
  expiresIn?: string | number;
  secret?: string;
  name?: string;
  /** An operator's token (`app_metadata.role: admin`). */
  admin?: boolean;
  /** When the token says it was issued, in seconds since the epoch (default: five seconds ago). */
  issuedAt?: number;
}) {
  const jwt = new SignJWT({
    role: "authenticated",
    user_metadata: { name: options.name ?? options.sub },
    ...(options.admin ? { app_metadata: { role: "admin" } } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.sub)
    .setIssuer(JWT_ISSUER)
    .setAudience("authenticated")
    .setIssuedAt(options.issuedAt ?? Math.floor(Date.now() / 1000) - 5);
  if (typeof options.expiresIn === "number") jwt.setExpirationTime(options.expiresIn);
  else jwt.setExpirationTime(options.expiresIn ?? "1h");
  return jwt.sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

export const CREATE_AGENT = `mutation Create($input: CreateAgentInput!) {
  createAgent(input: $input) { agentId basePortraitJobId }
}`;

export function agentInput(name = "Mia") {
  return {
    name,
    persona: {
      summary: `${name} is a cheerful barista who loves surfing.`,
      traits: ["cheerful", "curious"],
      speakingStyle: "Short, warm messages.",
      interests: ["surfing"],
    },
    identity: { homeCity: "Lisbon", country: "Portugal", occupation: "barista", timezone: "Europe/Lisbon" },
    appearancePrompt: "short dark hair, freckles, green jacket",
  };
}

export async function createAgent(url: string, name = "Mia"): Promise<string> {
  const created = await gql(url, CREATE_AGENT, { input: agentInput(name) }, "dev");
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  return created.data.createAgent.agentId as string;
}
