import http from "node:http";
import type { AddressInfo } from "node:net";
import { type CheckResult, check, checksFor, internalViewer } from "./readinessChecks.ts";
import { requestTarget } from "./router.ts";

export interface HealthServerOptions {
  host: string;
  port: number;
  /** Each throws when the process cannot do its work (the database does not answer, say). */
  checks: Record<string, () => Promise<unknown>>;
  /** A check's own error is told only to whoever may see internals, as on the API's `/ready`. */
  production: boolean;
  operationsToken?: string | undefined;
  /** Aborted when shutdown begins: the process stays alive but is no longer ready. */
  stopping: AbortSignal;
}

export interface HealthServer {
  port: number;
  /** Readiness waits for this: the roles are started. */
  markStarted(): void;
  stop(): Promise<void>;
}

/**
 * `/health` and `/ready` for roles without the API's HTTP server (projector, worker), so an
 * orchestrator can probe them. A standby waiting on a lease is ready: it is there to take over.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  let started = false;
  const seesInternals = internalViewer(options);
  const server = http.createServer((request, response) => {
    const path = requestTarget(request.url)?.pathname ?? null;
    const send = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, { error: "Use GET here." });
    if (path === null) return send(400, { error: "The request target is not a path." });
    if (path === "/health") return send(200, { status: "ok" });
    if (path !== "/ready") return send(404, { error: `Nothing at ${path}; try /health or /ready.` });
    if (!started) return send(503, { status: "starting" });
    if (options.stopping.aborted) return send(503, { status: "stopping" });
    void runChecks(options.checks).then((checks) => {
      const ready = Object.values(checks).every((result) => result.ok);
      send(ready ? 200 : 503, {
        status: ready ? "ready" : "not ready",
        checks: checksFor(seesInternals(request), checks),
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    markStarted: () => {
      started = true;
    },
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function runChecks(checks: HealthServerOptions["checks"]): Promise<Record<string, CheckResult>> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => check(checks[name]!)));
  return Object.fromEntries(names.map((name, i) => [name, results[i]!]));
}
