import { type DatabasePool, type DatabaseTransactionConnection, sql } from "slonik";
import type { EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";
import type { RecordedEvent } from "../../src/ports/eventStore.ts";
import type { BatchRowStore } from "./batchRowStore.ts";
import type { Notice, ProjectedEvent, ProjectionDefinition } from "./projection.ts";
import { settleAll } from "./rowWrites.ts";

/** One generation of one projection that a runner is writing: live, or being built beside it. */
export interface Target {
  definition: ProjectionDefinition;
  generation: number;
  mode: "live" | "building";
  checkpoint: string;
  rows: BatchRowStore;
  handles: ReadonlySet<string>;
}

export class CheckpointMovedError extends Error {
  constructor(name: string, generation: number) {
    super(`projection ${name} generation ${generation} moved on elsewhere or is no longer ${"current"}`);
    this.name = "CheckpointMovedError";
  }
}

/** A projection's code threw on an event: that projection stops there, with the event named. */
export class PoisonEventError extends Error {
  readonly projection: string;
  readonly event: RecordedEvent;
  constructor(projection: string, event: RecordedEvent, cause: unknown) {
    super(
      `projection ${projection} failed on event ${event.id} (${event.type} at ${event.position}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = "PoisonEventError";
    this.projection = projection;
    this.event = event;
  }
}

export function toProjected(event: RecordedEvent, catalogue: EventCatalogue): ProjectedEvent {
  const parsed = catalogue.parse(event.type, event.metadata.schemaVersion ?? 1, event.data);
  return {
    id: event.id,
    type: parsed.type,
    data: parsed.data,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
  };
}

/** Moves a target's checkpoint by compare-and-set, only while its generation is still the one it writes. */
export async function moveCheckpoint(
  tx: DatabaseTransactionConnection,
  target: Target,
  last: RecordedEvent,
  count: number,
): Promise<void> {
  const { definition, generation } = target;
  const stateColumn =
    target.mode === "live" ? sql.fragment`live_generation` : sql.fragment`building_generation`;
  const moved = await tx.query(sql.unsafe`
    update projection_checkpoints
    set position = ${last.position}, updated_at = now(), last_event_at = ${last.recordedAt.toISOString()},
        events_applied = events_applied + ${count}
    where name = ${definition.name} and generation = ${generation} and position = ${target.checkpoint}
      and generation = (select ${stateColumn} from projection_state where name = ${definition.name})`);
  if (moved.rowCount !== 1) throw new CheckpointMovedError(definition.name, generation);
}

const YIELD_AFTER_MS = 3;

/** Parsed events of one batch by their index in it, shared by the targets so each event is parsed once. */
export type ParsedEvents = (ProjectedEvent | undefined)[];

/**
 * Runs a target's projection over the events after its checkpoint, into its row store's pending
 * changes; live targets also collect their notices.
 */
export async function evolveTarget(
  catalogue: EventCatalogue,
  target: Target,
  events: RecordedEvent[],
  comparePositions: (a: string, b: string) => number,
  parsed: ParsedEvents,
  notices: Notice[],
): Promise<void> {
  const { definition } = target;
  const allNew = comparePositions(events[0]!.position, target.checkpoint) > 0;
  let busySince = performance.now();
  for (let i = 0; i < events.length; i++) {
    // Awaiting rows the cache already holds never lets I/O in: yield now and then, so statements
    // sent earlier are answered and the next ones go out while this loop runs.
    if ((i & 63) === 63 && performance.now() - busySince > YIELD_AFTER_MS) {
      await new Promise(setImmediate);
      busySince = performance.now();
    }
    const event = events[i]!;
    if (!target.handles.has(event.type)) continue;
    if (!allNew && comparePositions(event.position, target.checkpoint) <= 0) continue;
    try {
      let projected = parsed[i];
      if (!projected) {
        projected = toProjected(event, catalogue);
        parsed[i] = projected;
      }
      await definition.evolve(projected, target.rows);
      if (definition.notify && target.mode === "live") {
        notices.push(...(await definition.notify(projected, target.rows)));
      }
    } catch (error) {
      throw new PoisonEventError(definition.name, event, error);
    }
  }
}

/** Collects statements sent without waiting; `settle` waits for all and fails with the first error. */
export class Writes {
  readonly #sent: Promise<unknown>[] = [];

  send(write: Promise<unknown>): void {
    write.catch(() => {});
    this.#sent.push(write);
  }

  settle(): Promise<void> {
    return settleAll(this.#sent);
  }
}

/**
 * Applies a batch to every target in one transaction: each target's checkpoint moves by
 * compare-and-set from the position it was at, so no batch is ever applied twice.
 */
export async function applyBatch(
  pool: DatabasePool,
  catalogue: EventCatalogue,
  targets: Target[],
  events: RecordedEvent[],
  comparePositions: (a: string, b: string) => number,
): Promise<Notice[]> {
  const last = events.at(-1);
  if (!last || targets.length === 0) return [];
  const notices: Notice[] = [];
  const parsed: ParsedEvents = [];
  try {
    await pool.transaction(async (tx) => {
      // Statements go out without waiting, so the next projection's evolve runs while the
      // database writes this one's rows; all are awaited before the commit, and before a rollback.
      const writes = new Writes();
      try {
        for (const target of targets) {
          writes.send(moveCheckpoint(tx, target, last, events.length));
          target.rows.begin(tx);
          await evolveTarget(catalogue, target, events, comparePositions, parsed, notices);
          writes.send(target.rows.flush(tx));
        }
      } catch (error) {
        await writes.settle().catch(() => {});
        throw error;
      }
      await writes.settle();
    }, 0);
  } catch (error) {
    for (const target of targets) target.rows.discard();
    throw error;
  }
  for (const target of targets) {
    target.rows.commit();
    target.checkpoint = last.position;
  }
  return notices;
}
