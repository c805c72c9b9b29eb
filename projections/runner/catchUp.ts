import type { ProjectionEvent } from "../../src/ports/eventStore.ts";
import { CheckpointMovedError, prepareBatch } from "./applyBatch.ts";
import { applyWithIsolation } from "./applyWithIsolation.ts";
import { type RebuildProgress, RebuildProgressReports } from "./rebuildProgress.ts";
import { settleAll } from "./rowWrites.ts";
import type { ProjectorDependencies } from "./runnerDependencies.ts";
import type { Target } from "./targets.ts";
import { isTransient } from "./transientErrors.ts";
import { writeBuildBatch } from "./writeBuildBatch.ts";

/** A projection's code failed on an event while building; the live generation is untouched. */
export class RebuildFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RebuildFailedError";
  }
}

/**
 * Events per read while catching up; rows are written per `WRITE_ROWS` changed rows, whatever the
 * reads' size. A read's events live until they are evolved, and the next read's arrive meanwhile:
 * at 25,000 they outlived several young-generation collections, which copied them and moved them
 * to the old one. At 3,000 the collector copied an eighth to a quarter fewer bytes in a
 * 200,000-event rebuild, for a few dozen more short reads.
 */
export const DEFAULT_BATCH = 3_000;

/**
 * Changed rows a rebuild gathers before writing them; reading goes on in batches of `batchSize`
 * events. Each write also rewrites the rows that events change all along (a conversation's, its
 * message stream's): at 100,000 rather than 50,000 a 200,000-event rebuild wrote three times
 * instead of five, which took the server a sixteenth less CPU.
 */
const WRITE_ROWS = 100_000;

/** Transactions a rebuild writes one batch in at once, each on its own connection. */
const PARALLEL_WRITERS = 3;

export interface CatchUpOptions {
  signal?: AbortSignal;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Applies events to the targets until there are none left (or up to `limit`). Targets being built
 * go through the pipeline; should it fail, the batch is applied again one projection and one event
 * at a time, which names the projection and event at fault.
 */
export async function catchUp(
  deps: ProjectorDependencies,
  targets: Target[],
  options: CatchUpOptions,
  limit: string | undefined,
): Promise<void> {
  const { pool, store, catalogue } = deps;
  const compare = (a: string, b: string) => store.comparePositions(a, b);
  const earliest = () => targets.map((t) => t.checkpoint).reduce((a, b) => (compare(a, b) <= 0 ? a : b));
  const progress = new RebuildProgressReports(
    deps,
    targets,
    options.onProgress,
    await store.distance(earliest(), limit ?? (await store.headPosition())),
  );
  const read = (after: string) => {
    const range = { after, maxCount: options.batchSize ?? DEFAULT_BATCH };
    const reading = (store.readAllForProjections?.(range) ?? store.readAll(range)).then((events) =>
      limit === undefined ? events : events.filter((e) => compare(e.position, limit) <= 0),
    );
    reading.catch(() => {});
    return reading;
  };
  if (targets.every((t) => t.mode === "building")) {
    try {
      await pipeline(deps, targets, options, read, progress);
    } catch (error) {
      for (const target of targets) target.rows.discard();
      if (isTransient(error) || error instanceof CheckpointMovedError) throw error;
    }
  }
  let next = read(earliest());
  while (!options.signal?.aborted) {
    const events = await next;
    if (events.length === 0) break;
    next = read(events.at(-1)!.position);
    // Upserts find their conflicts by the primary key.
    for (const target of targets) if (target.keys?.deferred) await target.keys.ensure();
    const result = await applyWithIsolation(pool, catalogue, targets, events, compare);
    const failure = result.failed[0];
    if (failure) throw new RebuildFailedError(failure.error.message);
    progress.applied(events.length);
  }
  progress.done();
}

/**
 * Reads batch after batch and evolves them into one write of at least `WRITE_ROWS` changed rows,
 * which goes out while the next one is prepared: a row that many events change is written once.
 */
async function pipeline(
  deps: ProjectorDependencies,
  targets: Target[],
  options: CatchUpOptions,
  read: (after: string) => Promise<ProjectionEvent[]>,
  progress: RebuildProgressReports,
): Promise<void> {
  const { pool, store, catalogue } = deps;
  const compare = (a: string, b: string) => store.comparePositions(a, b);
  let writing: Promise<void> = Promise.resolve();
  let writingCount = 0;
  let last: ProjectionEvent | undefined;
  let count = 0;
  // Targets resumed from different places take the careful path, which skips per target.
  if (new Set(targets.map((t) => t.checkpoint)).size > 1) return;
  const write = async () => {
    await writing;
    progress.applied(writingCount);
    const unit = { last: last!, count };
    writing = settleAll(
      writerGroups(targets, PARALLEL_WRITERS).map((group) => writeBuildBatch(deps.raw, group, unit)),
    );
    writing.catch(() => {});
    writingCount = count;
    count = 0;
  };
  let next = read(targets[0]!.checkpoint);
  try {
    while (!options.signal?.aborted) {
      const events = await next;
      if (events.length === 0) break;
      next = read(events.at(-1)!.position);
      await prepareBatch(pool, catalogue, targets, events, compare);
      last = events.at(-1);
      count += events.length;
      if (targets.reduce((rows, t) => rows + t.rows.pendingRows, 0) >= WRITE_ROWS) await write();
    }
    if (count > 0 && !options.signal?.aborted) await write();
  } catch (error) {
    // The write under way settles first, so the careful path starts from checkpoints that stay put.
    await writing.catch(() => {});
    throw error;
  }
  await writing;
  progress.applied(writingCount);
}

/**
 * Splits the targets into groups with about as many changed rows each, so the server writes the
 * batch on several connections at once. Each group's transaction moves its own targets'
 * checkpoints with their rows; should one fail, the careful path resumes each target from its own.
 */
export function writerGroups(targets: Target[], count: number): Target[][] {
  const groups = Array.from({ length: Math.min(count, targets.length) }, () => ({
    rows: 0,
    targets: [] as Target[],
  }));
  const bySize = targets.map((target) => ({ target, rows: target.rows.pendingRows }));
  bySize.sort((a, b) => b.rows - a.rows);
  for (const { target, rows } of bySize) {
    const lightest = groups.reduce((a, b) => (b.rows < a.rows ? b : a));
    lightest.rows += rows;
    lightest.targets.push(target);
  }
  return groups.map((g) => g.targets).filter((g) => g.length > 0);
}
