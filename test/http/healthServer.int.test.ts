import { afterEach, describe, expect, it } from "vitest";
import { type HealthServer, startHealthServer } from "../../src/http/healthServer.ts";

const STORE_ERROR = 'password authentication failed for user "withme" at db.internal:5432';

let server: HealthServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A worker's health server, in production with an operations token, while the database refuses it. */
async function failingDatabase() {
  server = await startHealthServer({
    host: "127.0.0.1",
    port: 0,
    stopping: new AbortController().signal,
    checks: {
      database: async () => {
        throw new Error(STORE_ERROR);
      },
      eventStore: async () => "1:1",
    },
    production: true,
    operationsToken: "ops-secret",
  });
  server.markStarted();
  const url = `http://127.0.0.1:${server.port}/ready`;
  return async (authorization?: string) => {
    const response = await fetch(url, authorization ? { headers: { authorization } } : {});
    return { status: response.status, body: await response.json() };
  };
}

describe("the worker and projector /ready when a store fails, in production", () => {
  it("tells anyone which check failed, but not the store's own error", async () => {
    const answer = await (await failingDatabase())();
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      status: "not ready",
      checks: { database: { ok: false }, eventStore: { ok: true } },
    });
  });

  it("tells the store's error to the bearer of the operations token", async () => {
    const ask = await failingDatabase();
    expect((await ask("Bearer wrong")).body.checks.database).toEqual({ ok: false });
    const answer = await ask("Bearer ops-secret");
    expect(answer.body.checks.database).toEqual({ ok: false, error: STORE_ERROR });
  });
});
