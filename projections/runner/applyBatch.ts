import type { DatabasePool } from "slonik";
import type { EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";
import type { ProjectionEvent } from "../../src/ports/eventStore.ts";
import { CheckpointMovedError, checkMoved, moveCheckpoints } from "./checkpointMoves.ts";
import type { Notice, ProjectedEvent } from "./projection.ts";
import { settleAll } from "./rowWrites.ts";
import { StreamIds } from "./streamIds.ts";
import type { Target } from "./targets.ts";

/*
 * The one way a batch of events reaches a projection's tables: `prepareBatch` evolves every
 * target over the events into pending rows (reading only what the row caches do not know), then
 * `writeBatch` writes those rows and moves each target's checkpoint by compare-and-set in one
 * transaction. `applyBatch` does the two in turn; a rebuild prepares the next batch while the
 * previous one is being written.
 */

/** A projection's code threw on an event: that projection stops there, with the event named. */
export class PoisonEventError extends Error {
  readonly projection: string;
  readonly event: ProjectionEvent;
  constructor(projection: string, event: ProjectionEvent, cause: unknown) {
    super(
      `projection ${projection} failed on event ${event.id} (${event.type} at ${event.position}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = "PoisonEventError";
    this.projection = projection;
    this.event = event;
  }
}

/** The stream ids of every event projected in this process, one string each (see `StreamIds`). */
const streamIds = new StreamIds();

export function toProjected(event: ProjectionEvent, catalogue: EventCatalogue): ProjectedEvent {
  return new StoredProjectedEvent(
    event,
    catalogue.parseStored(event.type, event.metadata.schemaVersion ?? 1, event.data),
    streamIds.shared(event.streamId),
  );
}

/** A stored event as a projection sees it. */
class StoredProjectedEvent implements ProjectedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;

  constructor(event: ProjectionEvent, parsed: { type: string; data: unknown }, streamId: string) {
    this.id = event.id;
    this.type = parsed.type;
    this.data = parsed.data;
    this.streamId = streamId;
    this.revision = event.revision;
    this.position = event.position;
    this.occurredAt = event.metadata.occurredAt;
  }
}

export type Compare = (a: string, b: string) => number;

export { CheckpointMovedError };

const YIELD_AFTER_MS = 3;

/**
 * Evolves every target over the events after its checkpoint into its row store's pending changes.
 * Event by event: each is parsed once, handed to the targets that handle its type, and dropped,
 * so parsed events die young. Live targets also collect their notices.
 */
export async function prepareBatch(
  db: DatabasePool,
  catalogue: EventCatalogue,
  targets: Target[],
  events: readonly ProjectionEvent[],
  compare: Compare,
  notices: Notice[] = [],
): Promise<void> {
  for (const target of targets) target.rows.begin(db);
  const first = events[0]!.position;
  const due = targets.map((target) => ({ target, allNew: compare(first, target.checkpoint) > 0 }));
  const byType = new Map<string, typeof due>();
  let busySince = performance.now();
  for (let i = 0; i < events.length; i++) {
    // Awaiting rows the cache already holds never lets I/O in: yield now and then, so statements
    // sent earlier are answered and the next ones go out while this loop runs.
    if ((i & 63) === 63 && performance.now() - busySince > YIELD_AFTER_MS) {
      await new Promise(setImmediate);
      busySince = performance.now();
    }
    const event = events[i]!;
    let handling = byType.get(event.type);
    if (handling === undefined) {
      handling = due.filter(({ target }) => target.handles.has(event.type));
      byType.set(event.type, handling);
    }
    let projected: ProjectedEvent | undefined;
    for (const { target, allNew } of handling) {
      if (!allNew && compare(event.position, target.checkpoint) <= 0) continue;
      const { definition } = target;
      try {
        projected ??= toProjected(event, catalogue);
        const evolving = definition.evolve(projected, target.rows);
        if (evolving) await evolving;
        if (definition.notify && target.mode === "live")
          notices.push(...(await definition.notify(projected, target.rows)));
      } catch (error) {
        throw new PoisonEventError(definition.name, event, error);
      }
    }
  }
}

/**
 * Writes a prepared batch and moves the checkpoints in one transaction. The batch is sealed at
 * once, so the next one can be prepared while this one is written; on success the rows it wrote
 * become what the caches know. Rebuilds write theirs with `writeBuildBatch`.
 */
export async function writeBatch(
  pool: DatabasePool,
  targets: Target[],
  events: { last: ProjectionEvent; count: number },
): Promise<void> {
  const { last, count } = events;
  for (const target of targets) target.rows.seal();
  await pool.transaction(async (tx) => {
    // Statements go out without waiting; all are awaited before the commit, and before a rollback.
    const sent: Promise<unknown>[] = [];
    const send = (statement: Promise<unknown>) => {
      statement.catch(() => {});
      sent.push(statement);
    };
    send(tx.query(moveCheckpoints(targets, last, count)).then((moved) => checkMoved(targets, moved.rows)));
    for (const target of targets) send(target.rows.sendSealed(tx));
    await settleAll(sent);
  }, 0);
  for (const target of targets) {
    target.rows.commit();
    target.checkpoint = last.position;
  }
}

/**
 * Applies a batch to every target: prepared, then written with the checkpoints, so no batch is
 * ever applied twice. On failure every target forgets what it had cached, since the stored state
 * is then unknown. Returns the live targets' notices, to publish now that the batch is committed.
 */
export async function applyBatch(
  pool: DatabasePool,
  catalogue: EventCatalogue,
  targets: Target[],
  events: readonly ProjectionEvent[],
  compare: Compare,
): Promise<Notice[]> {
  if (events.length === 0 || targets.length === 0) return [];
  const notices: Notice[] = [];
  try {
    await prepareBatch(pool, catalogue, targets, events, compare, notices);
    await writeBatch(pool, targets, { last: events.at(-1)!, count: events.length });
  } catch (error) {
    for (const target of targets) target.rows.discard();
    throw error;
  }
  return notices;
}
