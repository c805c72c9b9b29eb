import type http from "node:http";
import { describe, expect, it } from "vitest";
import type { ProjectionAdmin } from "../../src/graphql/projectionAdmin.ts";
import { addOperationsRoutes, type OperationsDeps } from "../../src/http/operationsRoutes.ts";
import { type HttpContext, Router } from "../../src/http/router.ts";
import type { ApiMetrics } from "../../src/observability/metrics.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import type { Leases } from "../../src/ports/lease.ts";

describe("/ready under a flood of requests", () => {
  it("answers every request, and checks the stores once for requests that come together", async () => {
    const calls = { ping: 0, statuses: 0, behind: 0 };
    const deps: OperationsDeps = {
      metrics: {} as ApiMetrics,
      store: { headPosition: async () => "1:1", name: "fake" } as unknown as EventStore,
      leases: { isHeld: async () => true } as unknown as Leases,
      projections: {
        statuses: async () => {
          calls.statuses++;
          return [];
        },
        behind: async () => {
          calls.behind++;
          return [];
        },
      } as unknown as ProjectionAdmin,
      adapters: [],
      roles: ["api"],
      pingDatabase: async () => {
        calls.ping++;
      },
      started: () => true,
      stopping: new AbortController().signal,
      startedAt: new Date(),
      production: true,
    };
    const router = new Router();
    addOperationsRoutes(router, deps);
    const ready = router.match("GET", "/ready").route!.handler;
    const ask = async () => {
      let status = 0;
      const response = {
        writeHead: (code: number) => {
          status = code;
        },
        end: () => {},
      } as unknown as http.ServerResponse;
      await ready({ response } as HttpContext);
      return status;
    };
    const answers = await Promise.all(Array.from({ length: 200 }, ask));
    expect(new Set(answers)).toEqual(new Set([200]));
    expect(calls).toEqual({ ping: 1, statuses: 1, behind: 1 });
  });
});
