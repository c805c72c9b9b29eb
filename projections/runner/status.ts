import { type CommonQueryMethods, type DatabasePool, sql } from "slonik";
import { z } from "zod";
import type { EventStore } from "../../src/ports/eventStore.ts";
import type { Leases } from "../../src/ports/lease.ts";
import type { ProjectionDefinition } from "./projection.ts";
import { BUILD_LEASE, PROJECTOR_LEASE } from "./runnerDependencies.ts";

export interface ProjectionStatus {
  name: string;
  version: number;
  liveVersion: number | null;
  liveGeneration: number | null;
  buildingGeneration: number | null;
  checkpoint: string | null;
  eventsApplied: number;
  lagEvents: number;
  lagSeconds: number;
  /** running | idle | failed | rebuilding | stale (its version differs from the code's) | new */
  status: string;
  error: Record<string, unknown> | null;
  lastEventAt: string | null;
}

const row = z.object({
  name: z.string(),
  live_generation: z.number().nullable(),
  live_version: z.number().nullable(),
  building_generation: z.number().nullable(),
  status: z.string(),
  error: z.record(z.string(), z.unknown()).nullable(),
  position: z.string().nullable(),
  events_applied: z.number().nullable(),
  last_event_at: z.string().nullable(),
});

/** Name, version, checkpoint, lag in events and seconds, and status of every projection. */
export async function projectionStatuses(
  deps: { pool: DatabasePool; store: EventStore; leases: Leases; now?: () => Date },
  definitions: ProjectionDefinition[],
): Promise<ProjectionStatus[]> {
  const { pool, store, leases } = deps;
  const rows = await pool.any(sql.type(row)`
    select s.name, s.live_generation, s.live_version, s.building_generation, s.status, s.error,
           c.position, c.events_applied::int as events_applied,
           to_char(c.last_event_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_event_at
    from projection_state s
    left join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation`);
  const projectorRunning = await leases.isHeld(PROJECTOR_LEASE);
  const building = await leases.isHeld(BUILD_LEASE);
  const head = await store.headPosition();
  const now = (deps.now ?? (() => new Date()))();
  const statuses: ProjectionStatus[] = [];
  for (const definition of definitions) {
    const state = rows.find((r) => r.name === definition.name);
    const checkpoint = state?.position ?? null;
    const lagEvents = checkpoint
      ? await store.distance(checkpoint, head)
      : await store.distance("start", head);
    let lagSeconds = 0;
    if (lagEvents > 0) {
      const [next] = await store.readAll({ after: checkpoint ?? "start", maxCount: 1 });
      if (next) lagSeconds = Math.max(0, (now.getTime() - next.recordedAt.getTime()) / 1000);
    }
    let status = state?.status ?? "new";
    // A rebuild's switch leaves its projection "idle"; whether it runs is whether a projector holds the lease.
    if (status === "running" || status === "idle") status = projectorRunning ? "running" : "idle";
    if (state && state.live_version !== definition.version && status !== "failed") status = "stale";
    if (state?.building_generation != null && building) status = "rebuilding";
    statuses.push({
      name: definition.name,
      version: definition.version,
      liveVersion: state?.live_version ?? null,
      liveGeneration: state?.live_generation ?? null,
      buildingGeneration: state?.building_generation ?? null,
      checkpoint,
      eventsApplied: state?.events_applied ?? 0,
      lagEvents,
      lagSeconds,
      status,
      error: state?.error ?? null,
      lastEventAt: state?.last_event_at ?? null,
    });
  }
  return statuses;
}

/**
 * Where a projection's live generation has got to: `position` is null while it has none yet (a
 * first start, before the first generation has a checkpoint), `failed` when it stopped on a failure.
 */
export async function liveCheckpoint(
  db: CommonQueryMethods,
  name: string,
): Promise<{ failed: boolean; position: string | null }> {
  const row = await db.maybeOne(sql.type(z.object({ status: z.string(), position: z.string().nullable() }))`
    select s.status, c.position from projection_state s
    left join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation
    where s.name = ${name}`);
  return { failed: row?.status === "failed", position: row?.position ?? null };
}
