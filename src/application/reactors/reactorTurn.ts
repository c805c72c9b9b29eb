import type { Logger } from "../../observability/logger.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Position, RecordedEvent } from "../../ports/eventStore.ts";
import type { EventLog, WithmeStoredEvent } from "../eventLog.ts";
import type { Checkpoints } from "../processing/eventProcessor.ts";
import { semaphore } from "../processing/semaphore.ts";
import type { TurnPriority } from "../processing/turnPriority.ts";
import type { Reactor } from "./reactorDefinition.ts";
import { Watermark } from "./watermark.ts";

const RETRY_DELAYS_MS = [200, 1_000, 5_000];
const MAX_IN_FLIGHT = 2_000;
/**
 * How often the checkpoint is written at most while events keep coming: handlers are safe to run
 * again, so a crash costs at most this much work done twice, where a write per batch costs every
 * reactor a statement per commit.
 */
export const CHECKPOINT_EVERY_MS = 1_000;

interface TurnDependencies {
  events: EventLog;
  checkpoints: Checkpoints;
  clock: Clock;
  logger: Logger;
  /** At most one checkpoint write per this many milliseconds (default `CHECKPOINT_EVERY_MS`). */
  checkpointEveryMs?: number;
  /** What a background reactor waits for before each event; without it nothing waits. */
  priority?: Pick<TurnPriority, "yieldToTurns">;
  /** Whether the event is of a person who has been erased: such events are skipped at once. */
  ofErasedPerson?: (event: WithmeStoredEvent) => Promise<boolean>;
}

/**
 * One stretch of a reactor holding its lease: events of one key run in order, different keys
 * side by side up to the reactor's concurrency, and the checkpoint follows the events that are
 * done. Handlers finish their current work on shutdown; a lost lease cuts them off at once.
 */
export class ReactorTurn {
  readonly #reactor: Reactor;
  readonly #deps: TurnDependencies;
  readonly #watermark: Watermark;
  readonly #handles: ReadonlySet<string>;
  readonly #chains = new Map<string, Promise<void>>();
  readonly #limit: <T>(work: () => Promise<T>) => Promise<T>;
  readonly #handlers = new AbortController();
  readonly #stop: AbortSignal;
  #saved: Position;
  #dirty = false;
  #saving: Promise<void> | null = null;
  #savedAt = Number.NEGATIVE_INFINITY;
  #saveLater: NodeJS.Timeout | null = null;
  #closed = false;
  #roomWaiters: (() => void)[] = [];

  constructor(
    reactor: Reactor,
    deps: TurnDependencies,
    start: Position,
    stop: AbortSignal,
    lost: AbortSignal,
  ) {
    this.#reactor = reactor;
    this.#deps = deps;
    this.#watermark = new Watermark(start);
    this.#saved = start;
    this.#stop = stop;
    this.#handles = new Set(reactor.canHandle);
    this.#limit = semaphore(reactor.concurrency ?? 32);
    lost.addEventListener("abort", () => this.#handlers.abort(), { once: true });
    reactor.whileLeased?.(stop, (key, work) => this.#enqueue(key, work));
  }

  /** The next event in global order: handed to the reactor when it handles that type. */
  async see(recorded: RecordedEvent): Promise<void> {
    const relevant = this.#handles.has(recorded.type);
    const ticket = this.#watermark.see(recorded.position, relevant);
    if (!relevant) return this.#saveSoon();
    while (this.#watermark.inFlight > MAX_IN_FLIGHT && !this.#stop.aborted)
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    const event = this.#deps.events.read(recorded);
    this.#chain(this.#reactor.keyOf(event), () => this.#handleWithRetries(event)).then((finished) => {
      if (!finished) return;
      ticket.done();
      for (const wake of this.#roomWaiters.splice(0)) wake();
      this.#saveSoon();
    });
  }

  /**
   * Lets handlers finish for up to `drainMs`, cuts off the rest, and stores the checkpoint. The
   * grace period is wall-clock time, as a shutdown is: a simulated clock standing still must not
   * hold it open.
   */
  async close(drainMs: number): Promise<void> {
    const drained = Promise.allSettled([...this.#chains.values()]);
    const grace = AbortSignal.timeout(drainMs);
    await Promise.race([drained, new Promise((resolve) => grace.addEventListener("abort", resolve))]);
    this.#handlers.abort();
    for (const wake of this.#roomWaiters.splice(0)) wake();
    this.#closed = true;
    if (this.#saveLater) clearTimeout(this.#saveLater);
    this.#saveLater = null;
    await this.#saving;
    await this.#save().catch(() => {});
  }

  #enqueue(key: string, work: (signal: AbortSignal) => Promise<void>): void {
    this.#chain(key, () => work(this.#handlers.signal)).catch((error) =>
      this.#deps.logger.warn({ err: error, key }, "reactor work announced ahead of its event failed"),
    );
  }

  /** Runs `work` after everything queued under the same key, within the concurrency limit. */
  #chain<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#limit(work));
    const settled = next.then(
      () => {},
      () => {},
    );
    this.#chains.set(key, settled);
    void settled.then(() => {
      if (this.#chains.get(key) === settled) this.#chains.delete(key);
    });
    return next;
  }

  /** True when the event is dealt with (handled, or given up on after retries). */
  async #handleWithRetries(event: WithmeStoredEvent): Promise<boolean> {
    const signal = this.#handlers.signal;
    if (await this.#ofErasedPerson(event)) return true;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) return false;
      try {
        if (this.#reactor.background && this.#deps.priority) await this.#deps.priority.yieldToTurns();
        await this.#reactor.handle(event, signal);
        return true;
      } catch (error) {
        // On shutdown a failed event is not retried: it stays after the checkpoint for the next start.
        if (signal.aborted || this.#stop.aborted) return false;
        // Erased while the work was under way: nothing to retry, nothing to report.
        if (await this.#ofErasedPerson(event)) return true;
        const delay = RETRY_DELAYS_MS[attempt];
        const about = { err: error, eventId: event.id, type: event.type };
        if (delay === undefined) {
          this.#deps.logger.error(about, "reactor gave up on an event after retries");
          return true;
        }
        this.#deps.logger.warn({ ...about, attempt: attempt + 1 }, "reactor retrying event");
        await this.#deps.clock.sleep(delay, signal);
      }
    }
  }

  #ofErasedPerson(event: WithmeStoredEvent): Promise<boolean> {
    return this.#deps.ofErasedPerson?.(event) ?? Promise.resolve(false);
  }

  /**
   * Stores the checkpoint as events get done, one write at a time and at most one a second: what
   * gets done meanwhile goes into the next one. The pause is wall-clock time, like the grace
   * period on shutdown: a simulated clock standing still must not hold the checkpoint back.
   */
  #saveSoon(): void {
    this.#dirty = true;
    if (this.#saving || this.#saveLater || this.#closed || this.#stop.aborted) return;
    const every = this.#deps.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
    const wait = this.#savedAt + every - performance.now();
    if (wait > 0) {
      this.#saveLater = setTimeout(() => {
        this.#saveLater = null;
        this.#saveSoon();
      }, wait);
      return;
    }
    this.#dirty = false;
    this.#savedAt = performance.now();
    this.#saving = this.#save()
      .catch((error) => this.#deps.logger.warn({ err: error }, "checkpoint not saved"))
      .finally(() => {
        this.#saving = null;
        if (this.#dirty) this.#saveSoon();
      });
  }

  async #save(): Promise<void> {
    const safe = this.#watermark.safe;
    if (safe && safe !== this.#saved) {
      await this.#deps.checkpoints.store(safe);
      this.#saved = safe;
    }
  }
}
