import type { ConversationUpdate, RunningState } from "../application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../application/eventLog.ts";
import type { GraphQLContext } from "./context.ts";
import type { Wake } from "./conversationWakes.ts";
import { foldShared } from "./sharedFolds.ts";

/**
 * How far one subscription has read its conversation's stream, and the reads it runs to move on.
 * Events the feed hands over that follow on from the cursor are passed on at once; otherwise the
 * stream is read beside the subscription's loop, so a reply streaming now is never held up by a
 * read, and what a read finds is queued as one wake-up that later events wait behind.
 */
export class ConversationCursor {
  readonly #context: GraphQLContext;
  readonly #streamId: string;
  readonly #wake: (wake: Wake) => void;
  readonly #signal: AbortSignal;
  #running: RunningState;
  #position = -1;
  /** Stored events the feed handed over and not yet taken, and the newest revision it told of. */
  #fed: WithmeStoredEvent[] = [];
  #fedUpTo = -1;
  #reading = false;
  /** Updates a read queued that are not taken yet: later events wait behind them. */
  #queuedReads = 0;
  #again = false;
  #wokenAt = 0;

  constructor(
    context: GraphQLContext,
    streamId: string,
    running: RunningState,
    wake: (wake: Wake) => void,
    signal: AbortSignal,
  ) {
    this.#context = context;
    this.#streamId = streamId;
    this.#running = running;
    this.#wake = wake;
    this.#signal = signal;
  }

  /** Where a catch-up read left the stream. */
  startAt(position: number, running: RunningState): void {
    this.#position = position;
    this.#running = running;
  }

  /** The newest revision this subscription has or has been handed. */
  get seen(): number {
    return Math.max(this.#position, this.#fedUpTo);
  }

  /** Events the feed handed over: the updates to pass on now, or none while a read is asked for. */
  fed(events: readonly WithmeStoredEvent[]): ConversationUpdate[] {
    this.#fed.push(...events);
    this.#fedUpTo = Math.max(this.#fedUpTo, events.at(-1)?.revision ?? -1);
    // Handed nothing it could use: read the stream.
    if (events.length === 0) this.#fed.length = 0;
    const next = this.#reading || this.#queuedReads > 0 ? null : this.#takeFed();
    if (next !== null) return this.#updatesFrom(next);
    this.read(performance.now());
    return [];
  }

  /** A read's updates were taken from the queue. */
  taken(): void {
    this.#queuedReads--;
  }

  /** Reads on from the cursor; `changedBefore`: when the change to read was known to be stored. */
  read(changedBefore: number): void {
    this.#wokenAt = Math.max(this.#wokenAt, changedBefore);
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    void this.#readWhileAsked();
  }

  async #readWhileAsked(): Promise<void> {
    try {
      do {
        this.#again = false;
        const updates = await this.#readFromCursor(this.#wokenAt);
        if (updates.length > 0) {
          this.#queuedReads++;
          this.#wake({ type: "updates", updates });
        }
      } while (this.#again && !this.#signal.aborted);
    } catch (error) {
      this.#wake({ type: "failed", error });
    } finally {
      this.#reading = false;
    }
  }

  /** The fed events that follow on from the cursor; null when the stream must be read instead. */
  #takeFed(): readonly WithmeStoredEvent[] | null {
    const handed = this.#fed.length > 0;
    const next = this.#fed.splice(0).filter((event) => event.revision > this.#position);
    if (next.length === 0) return handed ? [] : null;
    const follows = next.every((event, i) => event.revision === this.#position + 1 + i);
    return follows ? next : null;
  }

  async #readFromCursor(notBefore: number): Promise<ConversationUpdate[]> {
    const { services } = this.#context;
    const events =
      this.#takeFed() ??
      (await services.snapshots.readStream(
        { events: services.events },
        this.#streamId,
        this.#position + 1,
        notBefore,
      ));
    return this.#updatesFrom(events);
  }

  /** What the events after the cursor mean to the watcher; the cursor moves past them. */
  #updatesFrom(events: readonly WithmeStoredEvent[]): ConversationUpdate[] {
    const updates: ConversationUpdate[] = [];
    for (const event of events) {
      const { after, update } = foldShared(event, this.#running);
      this.#running = after;
      if (update && event.revision > this.#position) updates.push(update);
    }
    this.#position = events.at(-1)?.revision ?? this.#position;
    return updates;
  }
}
