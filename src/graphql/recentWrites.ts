import { setTimeout as sleep } from "node:timers/promises";
import type { CommonQueryMethods } from "slonik";
import { liveCheckpoint } from "../../projections/runner/status.ts";
import type { Position } from "../ports/eventStore.ts";

/** Longest a read waits for a read model to show this process's own write. */
const LONGEST_WAIT_MS = 2_000;
/** As long while the projection has no checkpoint at all: on a first start its build can take a while. */
const LONGEST_FIRST_START_WAIT_MS = 10_000;
/** Writes older than this are taken as shown: a read model that far behind is reported elsewhere. */
const REMEMBERED_MS = 10_000;
const MOST_REMEMBERED = 10_000;
/** Marks a kind of stream among the stream ids remembered; no stream id starts with it. */
const KIND = "*";

export interface RecentWritesOptions {
  readModels: CommonQueryMethods;
  comparePositions: (a: Position, b: Position) => number;
  now?: () => number;
  pause?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Reading one's own writes: a read model follows the log a moment behind, so right after a person
 * hid a message, edited one or corrected a memory, the read that follows could still show how it
 * was. Every append this process makes is remembered by stream with its position; a read of that
 * stream's read model first waits, briefly, until the projection's checkpoint has passed it.
 * Streams this process did not write to just now are read at once.
 */
export class RecentWrites {
  readonly #options: RecentWritesOptions;
  readonly #written = new Map<string, { position: Position; at: number }>();

  constructor(options: RecentWritesOptions) {
    this.#options = options;
  }

  /** An append of this process to the stream returned, ending at `position`. */
  wrote(streamId: string, position: Position): void {
    this.#remember(streamId, position);
    // Also as the newest write of its kind ("agent", "lorebook"), for reads of a whole list.
    const dash = streamId.indexOf("-");
    if (dash > 0) this.#remember(`${KIND}${streamId.slice(0, dash)}`, position);
  }

  /** As `shown`, for a list: waits for this process's latest write to any stream of the kind. */
  shownAny(projection: string, kind: string, signal?: AbortSignal): Promise<void> {
    return this.shown(projection, `${KIND}${kind}`, signal);
  }

  #remember(key: string, position: Position): void {
    this.#written.delete(key);
    this.#written.set(key, { position, at: this.#now() });
    if (this.#written.size > MOST_REMEMBERED) this.#written.delete(this.#written.keys().next().value!);
  }

  /** Resolves once `projection` shows this process's latest write to the stream, or after the longest wait. */
  async shown(projection: string, streamId: string, signal?: AbortSignal): Promise<void> {
    const write = this.#written.get(streamId);
    if (!write) return;
    const started = this.#now();
    if (started - write.at > REMEMBERED_MS) {
      this.#forget(streamId, write);
      return;
    }
    let wait = 5;
    while (!signal?.aborted) {
      const checkpoint = await liveCheckpoint(this.#options.readModels, projection);
      // A failed projection will not catch up: waiting would not help. One with no checkpoint yet
      // (a first start) is about to have one, and the write is not shown before it does.
      if (checkpoint.failed) return;
      if (
        checkpoint.position !== null &&
        this.#options.comparePositions(checkpoint.position, write.position) >= 0
      ) {
        this.#forget(streamId, write);
        return;
      }
      const longest = checkpoint.position === null ? LONGEST_FIRST_START_WAIT_MS : LONGEST_WAIT_MS;
      const left = longest - (this.#now() - started);
      if (left <= 0) return;
      await this.#pause(Math.min(wait, left), signal);
      wait = Math.min(wait * 2, 100);
    }
  }

  #forget(streamId: string, write: { position: Position }): void {
    if (this.#written.get(streamId)?.position === write.position) this.#written.delete(streamId);
  }

  #now(): number {
    return (this.#options.now ?? performance.now.bind(performance))();
  }

  #pause(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.#options.pause) return this.#options.pause(ms, signal);
    // Aborted: the read goes ahead at once.
    return sleep(ms, undefined, signal ? { signal } : {}).catch(() => {});
  }
}
