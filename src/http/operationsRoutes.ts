import { readFileSync } from "node:fs";
import type http from "node:http";
import { PROJECTOR_LEASE } from "../../projections/runner/runnerDependencies.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import type { ProjectionAdmin } from "../graphql/projectionAdmin.ts";
import type { ApiMetrics } from "../observability/metrics.ts";
import type { EventStore, Position } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";
import { check, checksFor, internalViewer } from "./readinessChecks.ts";
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
  /** False until every role of the process has started (the starter companions exist, say). */
  started(): boolean;
  /** Aborted once shutdown begins: the process no longer takes new work. */
  stopping: AbortSignal;
  startedAt: Date;
  /** /status and /metrics tell what runs where: in production only to a caller with the operations token. */
  production: boolean;
  operationsToken?: string | undefined;
}

const version: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/**
 * `/health` (the process answers), `/ready` (every role has started, the stores answer and the read
 * models have caught up once: it can serve), `/status` (what it runs), `/metrics`.
 */
export function addOperationsRoutes(router: Router, deps: OperationsDeps): void {
  const readModels = caughtUpOnce(deps);
  router.get("/health", ({ response }) => sendJson(response, 200, { status: "ok" }));

  // Anyone may ask, as often as they like: requests within a moment of each other share one answer,
  // so a flood of them costs the database a few checks a second, not a few per request.
  const readiness = sharedFor(READINESS_FRESH_MS, () => checkReadiness(deps, readModels));
  const seesInternals = internalViewer(deps);
  router.get("/ready", async ({ request, response }) => {
    if (deps.stopping.aborted) return sendJson(response, 503, { status: "stopping" });
    if (!deps.started()) return sendJson(response, 503, { status: "starting" });
    const { ready, checks } = await readiness();
    sendJson(response, ready ? 200 : 503, {
      status: ready ? "ready" : "not ready",
      // A store's own error names hosts, users and SQL: told only to whoever may see /status.
      checks: checksFor(seesInternals(request), checks),
    });
  });

  const internal = internalOnly(deps, seesInternals);
  router.get("/status", async ({ request, response }) => {
    if (!internal(request, response)) return;
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

  router.get("/metrics", async ({ request, response }) => {
    if (!internal(request, response)) return;
    sendText(response, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
  });
}

/** How long one readiness answer serves every request that asks. */
const READINESS_FRESH_MS = 1_000;

/** The stores answer, no projection has failed and the read models have caught up once. */
async function checkReadiness(deps: OperationsDeps, readModels: () => Promise<void>) {
  const database = await check(deps.pingDatabase);
  const eventStore = await check(() => deps.store.headPosition());
  let failed: string[] = [];
  const projections = await check(async () => {
    failed = (await deps.projections.statuses()).filter((s) => s.status === "failed").map((s) => s.name);
  });
  const projector = await check(async () => {
    if (!(await deps.leases.isHeld(PROJECTOR_LEASE))) throw new Error("no process holds the projector lease");
  });
  const caughtUp = await check(readModels);
  // A projector elsewhere may be restarting: readiness needs projections not failed, not the lease.
  const ready = database.ok && eventStore.ok && projections.ok && failed.length === 0 && caughtUp.ok;
  return {
    ready,
    checks: {
      database,
      eventStore,
      projections: { ...projections, failed },
      projector,
      readModels: caughtUp,
    },
  };
}

/** `work`'s answer, shared by every call within `ms` of when it began (and by those while it runs). */
export function sharedFor<T>(ms: number, work: () => Promise<T>): () => Promise<T> {
  let latest: { answer: Promise<T>; at: number } | null = null;
  return () => {
    const now = performance.now();
    if (latest && now - latest.at < ms) return latest.answer;
    const answer = work();
    latest = { answer, at: now };
    return answer;
  };
}

/**
 * Fails until every read model has read the events stored when the process first asked (on a
 * fresh start: the starter companions), so the API's first answers are not those of empty read
 * models; once caught up it holds, as a read model a moment behind is the normal course.
 */
function caughtUpOnce(deps: Pick<OperationsDeps, "store" | "projections">): () => Promise<void> {
  let target: Position | null = null;
  let caughtUp = false;
  return async () => {
    if (caughtUp) return;
    target ??= await deps.store.headPosition();
    const behind = await deps.projections.behind(target);
    if (behind.length > 0) throw new Error(`read models still catching up: ${behind.join(", ")}`);
    caughtUp = true;
  };
}

/** Answers a request that may not see the internal endpoints, and says whether it may. */
function internalOnly(deps: OperationsDeps, seesInternals: (request: http.IncomingMessage) => boolean) {
  return (request: http.IncomingMessage, response: http.ServerResponse): boolean => {
    if (seesInternals(request)) return true;
    if (!deps.operationsToken) {
      sendJson(response, 404, {
        error: "Not served here in production; set WITHME_OPERATIONS_TOKEN and send it as a bearer token.",
      });
      return false;
    }
    response.setHeader("www-authenticate", 'Bearer realm="operations"');
    sendJson(response, 401, { error: "Send the operations token as a bearer token." });
    return false;
  };
}
