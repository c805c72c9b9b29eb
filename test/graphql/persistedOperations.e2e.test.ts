import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { ApiServer } from "../../src/http/server.ts";
import { type System, startWithme } from "../../src/main.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";
import { codesOf, JWT_ISSUER, JWT_SECRET, type Loose, signToken, wsClient } from "./apiHarness.ts";

const ME = "query Me { me { role } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let database: TestDatabase;
let system: System;
let api: ApiServer;
let folder: string;
let manifest: string;

/** The production configuration these tests run with, plus any variables a test adds. */
function productionConfig(extra: Record<string, string> = {}) {
  return loadConfig(
    {
      DATABASE_URL: database.url,
      WITHME_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      WITHME_DATA_DIR: folder,
      WITHME_LOG_LEVEL: "silent",
      // Replies go out at once, whatever the hour in the agents' time zones when the suite runs.
      WITHME_ASLEEP_REPLIES: "drowsy",
      SUPABASE_JWT_SECRET: JWT_SECRET,
      SUPABASE_JWT_ISSUER: JWT_ISSUER,
      ADMIN_SUBJECTS: "operator",
      WITHME_OPERATIONS_TOKEN: "ops-secret",
      ...extra,
    },
    { envFile: false },
  );
}

/** Another API process on the same database, for a test that needs other settings. */
async function startApi(extra: Record<string, string>, persistedOperationsFile = manifest) {
  return startWithme(productionConfig(extra), ["api"], { api: { persistedOperationsFile } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(path.join(tmpdir(), "withme-persisted-"));
  manifest = path.join(folder, "persisted-operations.json");
  await writeFile(manifest, JSON.stringify({ [sha256(ME)]: ME }));
  system = await startWithme(productionConfig(), ["api"], { api: { persistedOperationsFile: manifest } });
  api = system.api!;
});
afterAll(async () => {
  await system?.lifecycle.stop();
  await database?.drop();
  await rm(folder, { recursive: true, force: true });
});

async function post(body: object, token: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: Loose; errors?: Loose[] }) };
}

describe("persisted operations in production", () => {
  it("runs the client's operations by hash and refuses other documents to people", async () => {
    const person = await signToken({ sub: "person" });
    const byHash = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ME) } } },
      person,
    );
    expect(byHash.data).toEqual({ me: { role: "USER" } });
    const byDocumentId = await post({ documentId: sha256(ME) }, person);
    expect(byDocumentId.data).toEqual({ me: { role: "USER" } });
    const arbitrary = await post({ query: "{ me { id } }" }, person);
    expect(codesOf(arbitrary as never)).toEqual(["FORBIDDEN"]);
    const unknown = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      person,
    );
    expect(codesOf(unknown as never)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("lets admins send Loose document, and refuses dev tokens", async () => {
    const admin = await signToken({ sub: "operator" });
    expect((await post({ query: "{ me { role } }" }, admin)).data).toEqual({ me: { role: "ADMIN" } });
    expect(
      (await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ME) } } }, "dev")).status,
    ).toBe(401);
  });

  it("applies the same rule over WebSocket", async () => {
    const person = await signToken({ sub: "person" });
    const client = wsClient(`${api.url.replace("http", "ws")}/graphql`, person);
    const refused = await new Promise<unknown>((resolve) =>
      client.subscribe({ query: "{ me { id } }" }, { next: resolve, error: resolve, complete: () => {} }),
    );
    expect(refused).toMatchObject([{ extensions: { code: "FORBIDDEN" } }]);
    const allowed = await new Promise<unknown>((resolve) =>
      client.subscribe(
        { query: "", extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ME) } } },
        { next: resolve, error: resolve, complete: () => {} },
      ),
    );
    expect(allowed).toEqual({ data: { me: { role: "USER" } } });
    await client.dispose();
  });
});

describe("production hardening", () => {
  it("refuses to start without the web client's persisted operations", async () => {
    const missing = path.join(folder, "nowhere", "persisted-operations.json");
    await expect(startApi({}, missing)).rejects.toThrow(/persisted-operations\.json: production/);
  });

  it("does not serve GraphiQL unless it is asked for", async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    await page.body?.cancel();
    const withGraphiQL = await startApi({ WITHME_GRAPHIQL: "true" });
    try {
      const shown = await fetch(`${withGraphiQL.api!.url}/graphql`, { headers: { accept: "text/html" } });
      expect(shown.status).toBe(200);
      expect(await shown.text()).toMatch(/YogaGraphiQL/);
    } finally {
      await withGraphiQL.lifecycle.stop();
    }
  });

  it("shows /status and /metrics only to the bearer of the operations token", async () => {
    for (const path of ["/status", "/metrics"]) {
      expect((await fetch(`${api.url}${path}`)).status).toBe(401);
      const wrong = await fetch(`${api.url}${path}`, { headers: { authorization: "Bearer guess" } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${api.url}${path}`, { headers: { authorization: "Bearer ops-secret" } });
      expect(right.status).toBe(200);
    }
    const tokenless = await startApi({ WITHME_OPERATIONS_TOKEN: "" });
    const url = tokenless.api!.url;
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
      expect((await fetch(`${url}/status`)).status).toBe(404);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await tokenless.lifecycle.stop();
    }
  });
});
