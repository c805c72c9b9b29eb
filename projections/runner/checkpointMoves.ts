import { sql } from "slonik";
import type { ProjectionEvent } from "../../src/ports/eventStore.ts";
import type { Target } from "./targets.ts";

export class CheckpointMovedError extends Error {
  constructor(name: string, generation: number) {
    super(`projection ${name} generation ${generation} moved on elsewhere or is no longer current`);
    this.name = "CheckpointMovedError";
  }
}

/**
 * Moves every target's checkpoint by compare-and-set in one statement, each only while its
 * generation is still the one it writes; `checkMoved` then tells whether all of them moved.
 */
export function moveCheckpoints(targets: readonly Target[], last: ProjectionEvent, count: number) {
  return sql.unsafe`
    update projection_checkpoints c
    set position = ${last.position}, updated_at = now(), last_event_at = coalesce(${last.recordedAt?.toISOString() ?? null}::timestamptz, c.last_event_at),
        events_applied = c.events_applied + ${count}
    from unnest(
        ${sql.array(
          targets.map((t) => t.definition.name),
          "text",
        )},
        ${sql.array(
          targets.map((t) => t.generation),
          "int4",
        )},
        ${sql.array(
          targets.map((t) => t.checkpoint),
          "text",
        )},
        ${sql.array(
          targets.map((t) => t.mode === "live"),
          "bool",
        )}
      ) as t(name, generation, position, live)
      join projection_state s on s.name = t.name
    where c.name = t.name and c.generation = t.generation and c.position = t.position
      and t.generation = case when t.live then s.live_generation else s.building_generation end
    returning c.name, c.generation`;
}

/** Fails with the first target whose checkpoint did not move, given the rows `moveCheckpoints` returned. */
export function checkMoved(targets: readonly Target[], moved: readonly unknown[]): void {
  if (moved.length === targets.length) return;
  const rows = moved as readonly { name: string; generation: number }[];
  const done = new Set(rows.map((row) => `${row.name}:${row.generation}`));
  const stuck = targets.find((t) => !done.has(`${t.definition.name}:${t.generation}`)) ?? targets[0]!;
  throw new CheckpointMovedError(stuck.definition.name, stuck.generation);
}
