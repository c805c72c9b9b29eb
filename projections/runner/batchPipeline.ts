import { type DatabasePool, sql } from "slonik";
import type { EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";
import type { RecordedEvent } from "../../src/ports/eventStore.ts";
import { evolveTarget, moveCheckpoint, type ParsedEvents, type Target, Writes } from "./batchApplier.ts";

/*
 * Catching up in two overlapping halves: while one batch's transaction runs in the database, the
 * next batch is evolved in memory on top of the rows still in flight. Only for targets being built:
 * they publish no notices, and nothing else writes their tables.
 */

/** Evolves every target over the batch into pending rows; reads only what the caches do not know. */
export async function prepareBatch(
  pool: DatabasePool,
  catalogue: EventCatalogue,
  targets: Target[],
  events: RecordedEvent[],
  comparePositions: (a: string, b: string) => number,
): Promise<void> {
  const parsed: ParsedEvents = [];
  for (const target of targets) {
    target.rows.begin(pool);
    await evolveTarget(catalogue, target, events, comparePositions, parsed, []);
  }
}

/**
 * Writes a prepared batch and moves the checkpoints in one transaction. The batch is sealed at
 * once, so the next one can be prepared while this one is written; on success the rows it wrote
 * become what the caches know.
 */
export async function writeBatch(
  pool: DatabasePool,
  targets: Target[],
  events: RecordedEvent[],
): Promise<void> {
  const last = events.at(-1);
  if (!last) return;
  for (const target of targets) target.rows.seal();
  await pool.transaction(async (tx) => {
    const writes = new Writes();
    // A crash may lose the last batches of a build, together with their checkpoint: it resumes there.
    writes.send(tx.query(sql.unsafe`set local synchronous_commit = off`));
    for (const target of targets) {
      writes.send(moveCheckpoint(tx, target, last, events.length));
      writes.send(target.rows.sendSealed(tx));
    }
    await writes.settle();
  }, 0);
  for (const target of targets) {
    target.rows.commit();
    target.checkpoint = last.position;
  }
}
