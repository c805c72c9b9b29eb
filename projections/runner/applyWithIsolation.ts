import type { DatabasePool } from "slonik";
import type { EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";
import { storableText } from "../../src/domain/shared/text.ts";
import type { ProjectionEvent } from "../../src/ports/eventStore.ts";
import { applyBatch, CheckpointMovedError, PoisonEventError } from "./applyBatch.ts";
import type { Notice } from "./projection.ts";
import type { Target } from "./targets.ts";
import { isTransient } from "./transientErrors.ts";

export interface IsolationResult {
  notices: Notice[];
  /** Targets that failed on an event of this batch, each stopped just before it. */
  failed: { target: Target; error: PoisonEventError }[];
}

/**
 * Applies a batch to all due targets at once; when that fails for a reason other than a
 * transient one, finds which projection and which event broke it by applying one event at a
 * time, stops that projection just before the event, and applies the batch to the others.
 */
export async function applyWithIsolation(
  pool: DatabasePool,
  catalogue: EventCatalogue,
  targets: Target[],
  events: ProjectionEvent[],
  comparePositions: (a: string, b: string) => number,
): Promise<IsolationResult> {
  const last = events.at(-1)!;
  const due = targets.filter((t) => comparePositions(t.checkpoint, last.position) < 0);
  try {
    return { notices: await applyBatch(pool, catalogue, due, events, comparePositions), failed: [] };
  } catch (error) {
    if (isTransient(error) || error instanceof CheckpointMovedError) throw error;
  }
  const notices: Notice[] = [];
  const failed: IsolationResult["failed"] = [];
  // An event stored before text was cleaned on append (or by another writer) may hold a NUL or an
  // unpaired surrogate, which no read model can store: it is applied once more with them cleaned,
  // as new events are, rather than stopping the projection for everyone.
  const applyOne = async (target: Target, event: ProjectionEvent) => {
    try {
      return await applyBatch(pool, catalogue, [target], [event], comparePositions);
    } catch (error) {
      const data = storableText(event.data);
      if (data === event.data || isTransient(error) || error instanceof CheckpointMovedError) throw error;
      return await applyBatch(pool, catalogue, [target], [{ ...event, data }], comparePositions);
    }
  };
  for (const target of due) {
    for (const event of events) {
      if (comparePositions(event.position, target.checkpoint) <= 0) continue;
      try {
        notices.push(...(await applyOne(target, event)));
      } catch (error) {
        if (isTransient(error) || error instanceof CheckpointMovedError) throw error;
        const poison =
          error instanceof PoisonEventError
            ? error
            : new PoisonEventError(target.definition.name, event, error);
        failed.push({ target, error: poison });
        break;
      }
    }
  }
  return { notices, failed };
}
