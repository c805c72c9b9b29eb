import { readFileSync } from "node:fs";
import { PROJECTOR_LEASE } from "../../projections/runner/runnerDependencies.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import type { ProjectionAdmin } from "../graphql/projectionAdmin.ts";
import type { ApiMetrics } from "../observability/metrics.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";
import { type Router, sendJson, sendText } from "./router.ts";

export interface OperationsDeps {
  metrics: ApiMetrics;
  store: EventStore;
  leases: Leases;
  projections: ProjectionAdmin;
  adapters: AdapterChoice[];
  roles: readonly string[];
  /** A cheap query that proves the database answers. */
  pingDatabase(): Promise<void>;
  startedAt: Date;
}

const version: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

async function check(work: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `/health` (the process answers), `/ready` (it can serve), `/status` (what it runs), `/metrics`. */
export function addOperationsRoutes(router: Router, deps: OperationsDeps): void {
  router.get("/health", ({ response }) => sendJson(response, 200, { status: "ok" }));

  router.get("/ready", async ({ response }) => {
    const database = await check(deps.pingDatabase);
    const eventStore = await check(() => deps.store.headPosition());
    let failed: string[] = [];
    const projections = await check(async () => {
      failed = (await deps.projections.statuses()).filter((s) => s.status === "failed").map((s) => s.name);
    });
    const projector = await check(async () => {
      if (!(await deps.leases.isHeld(PROJECTOR_LEASE)))
        throw new Error("no process holds the projector lease");
    });
    // A projector elsewhere may be restarting: readiness needs projections not failed, not the lease.
    const ready = database.ok && eventStore.ok && projections.ok && failed.length === 0;
    sendJson(response, ready ? 200 : 503, {
      status: ready ? "ready" : "not ready",
      checks: { database, eventStore, projections: { ...projections, failed }, projector },
    });
  });

  router.get("/status", async ({ response }) => {
    const projections = await deps.projections.statuses().catch(() => []);
    sendJson(response, 200, {
      name: "withme",
      version,
      roles: deps.roles,
      eventStore: deps.store.name,
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      adapters: deps.adapters.map(({ port, adapter, offline }) => ({ port, adapter, offline })),
      projections: projections.map(({ name, status, lagEvents, lagSeconds, checkpoint }) => ({
        name,
        status,
        lagEvents,
        lagSeconds,
        checkpoint,
      })),
    });
  });

  router.get("/metrics", async ({ response }) => {
    sendText(response, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
  });
}
