import type http from "node:http";
import { describe, expect, it } from "vitest";
import type { ProjectionAdmin } from "../../src/graphql/projectionAdmin.ts";
import { addOperationsRoutes, type OperationsDeps } from "../../src/http/operationsRoutes.ts";
import { type HttpContext, Router } from "../../src/http/router.ts";
import type { ApiMetrics } from "../../src/observability/metrics.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import type { Leases } from "../../src/ports/lease.ts";

const STORE_ERROR = 'password authentication failed for user "withme" at db.internal:5432';

/** The API's /ready, in production with an operations token, while the database refuses it. */
function readiness() {
  const deps: OperationsDeps = {
    metrics: {} as ApiMetrics,
    store: { headPosition: async () => "1:1", name: "fake" } as unknown as EventStore,
    leases: { isHeld: async () => true } as unknown as Leases,
    projections: { statuses: async () => [], behind: async () => [] } as unknown as ProjectionAdmin,
    adapters: [],
    roles: ["api"],
    pingDatabase: async () => {
      throw new Error(STORE_ERROR);
    },
    started: () => true,
    stopping: new AbortController().signal,
    startedAt: new Date(),
    production: true,
    operationsToken: "ops-secret",
  };
  const router = new Router();
  addOperationsRoutes(router, deps);
  const ready = router.match("GET", "/ready").route!.handler;
  return async (authorization?: string) => {
    const answer = { status: 0, body: "" };
    const response = {
      writeHead: (code: number) => {
        answer.status = code;
      },
      end: (body: string) => {
        answer.body = body;
      },
    } as unknown as http.ServerResponse;
    const request = { headers: authorization ? { authorization } : {} } as http.IncomingMessage;
    await ready({ request, response } as HttpContext);
    return { status: answer.status, body: JSON.parse(answer.body) };
  };
}

describe("/ready when a store fails, in production", () => {
  it("tells anyone which check failed, but not the store's own error", async () => {
    const answer = await readiness()();
    expect(answer.status).toBe(503);
    expect(answer.body.checks.database).toEqual({ ok: false });
    expect(JSON.stringify(answer.body)).not.toContain("db.internal");
  });

  it("tells the store's error to the bearer of the operations token", async () => {
    const ask = readiness();
    expect((await ask("Bearer wrong")).body.checks.database).toEqual({ ok: false });
    const answer = await ask("Bearer ops-secret");
    expect(answer.body.checks.database).toEqual({ ok: false, error: STORE_ERROR });
  });
});
