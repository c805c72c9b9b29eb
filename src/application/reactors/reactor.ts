import type { Logger } from "../../observability/logger.ts";
import type { CheckpointStore } from "../../ports/checkpointStore.ts";
import { type EventStore, type RecordedEvent, START } from "../../ports/eventStore.ts";
import type { Leases } from "../../ports/lease.ts";
import { Watermark } from "./watermark.ts";

/**
 * Something that acts on events: calls a provider, then issues the follow-up command. Handlers
 * must be safe to run again for the same event (they check the aggregate's state first), since
 * after a crash the events after the last checkpoint are handled again.
 */
export interface ReactorDefinition {
  name: string;
  canHandle: readonly string[];
  /** Events with the same key are handled one at a time, in order; other keys run alongside. */
  keyOf?(event: RecordedEvent): string;
  handle(event: RecordedEvent, signal: AbortSignal): Promise<void>;
  concurrency?: number;
  /** Where a reactor without a checkpoint begins: every event (the default), or only new ones. */
  startAt?: "start" | "head";
  /**
   * Runs while this instance holds the lease; `enqueue` runs work in the same per-key order as
   * events (e.g. work announced on the live bus ahead of the event store).
   */
  whileLeased?(
    signal: AbortSignal,
    enqueue: (key: string, work: (signal: AbortSignal) => Promise<void>) => void,
  ): void;
}

export interface ReactorDependencies {
  store: EventStore;
  checkpoints: CheckpointStore;
  leases: Leases;
  logger: Logger;
}

const RETRY_DELAYS_MS = [200, 1_000, 5_000];
const MAX_IN_FLIGHT = 2_000;

/** Runs a reactor while holding its lease; another instance takes over when this one dies. */
export async function runReactor(
  definition: ReactorDefinition,
  deps: ReactorDependencies,
  signal: AbortSignal,
  options: { drainMs?: number } = {},
): Promise<void> {
  const logger = deps.logger.child({ reactor: definition.name });
  while (!signal.aborted) {
    const lease = await deps.leases.acquire(`reactor:${definition.name}`, signal);
    if (!lease) return;
    logger.info("reactor lease acquired");
    try {
      await runHoldingLease(definition, deps, logger, signal, lease.lost, options.drainMs ?? 15_000);
    } catch (error) {
      // Failures while shutting down are the shutdown's (a closing pool, say), not the reactor's.
      if (signal.aborted) logger.debug({ err: error }, "reactor stopped while shutting down");
      else {
        logger.error({ err: error }, "reactor stopped on an error; starting again");
        await pause(1_000, signal);
      }
    } finally {
      await lease.release();
    }
  }
}

async function runHoldingLease(
  definition: ReactorDefinition,
  deps: ReactorDependencies,
  logger: Logger,
  shutdown: AbortSignal,
  leaseLost: AbortSignal,
  drainMs: number,
): Promise<void> {
  const stop = AbortSignal.any([shutdown, leaseLost]);
  const start =
    (await deps.checkpoints.load(definition.name)) ??
    (definition.startAt === "head" ? await deps.store.headPosition() : START);
  const watermark = new Watermark(start);
  const handles = new Set(definition.canHandle);
  const keyOf = definition.keyOf ?? ((event: RecordedEvent) => event.streamId);
  const limit = semaphore(definition.concurrency ?? 32);
  const chains = new Map<string, Promise<void>>();
  // Handlers finish their current work on shutdown; a lost lease cuts them off at once.
  const handlerSignal = new AbortController();
  leaseLost.addEventListener("abort", () => handlerSignal.abort(), { once: true });
  let saved = start;
  const save = async () => {
    const safe = watermark.safe;
    if (safe && safe !== saved) {
      await deps.checkpoints.save(definition.name, safe);
      saved = safe;
    }
  };
  const enqueue = (key: string, work: (signal: AbortSignal) => Promise<void>) => {
    const next = (chains.get(key) ?? Promise.resolve())
      .then(() => limit(() => work(handlerSignal.signal)))
      .catch((error) => logger.warn({ err: error, key }, "reactor work announced ahead of its event failed"));
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  };
  definition.whileLeased?.(stop, enqueue);
  const saver = setInterval(
    () => save().catch((error) => logger.warn({ err: error }, "checkpoint not saved")),
    250,
  );
  try {
    for await (const batch of deps.store.subscribeToAll({ after: start, signal: stop })) {
      for (const event of batch) {
        const relevant = handles.has(event.type);
        const ticket = watermark.see(event.position, relevant);
        if (!relevant) continue;
        while (watermark.inFlight > MAX_IN_FLIGHT && !stop.aborted)
          await new Promise((r) => setTimeout(r, 50));
        const key = keyOf(event);
        const next = (chains.get(key) ?? Promise.resolve())
          .then(() => limit(() => handleWithRetries(definition, event, handlerSignal.signal, stop, logger)))
          .then((finished) => {
            if (finished) ticket.done();
          });
        chains.set(key, next);
        void next.finally(() => {
          if (chains.get(key) === next) chains.delete(key);
        });
      }
    }
  } finally {
    const drained = Promise.allSettled([...chains.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, drainMs);
    });
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
    handlerSignal.abort();
    clearInterval(saver);
    await save().catch(() => {});
  }
}

/**
 * True when the event is dealt with (handled, or given up on after retries). On shutdown a failed
 * event is not retried: it stays after the checkpoint and is handled again on the next start.
 */
async function handleWithRetries(
  definition: ReactorDefinition,
  event: RecordedEvent,
  signal: AbortSignal,
  stopping: AbortSignal,
  logger: Logger,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) return false;
    try {
      await definition.handle(event, signal);
      return true;
    } catch (error) {
      if (signal.aborted || stopping.aborted) return false;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        logger.error(
          { err: error, eventId: event.id, type: event.type },
          "reactor gave up on an event after retries",
        );
        return true;
      }
      logger.warn(
        { err: error, eventId: event.id, type: event.type, attempt: attempt + 1 },
        "reactor retrying event",
      );
      await pause(delay, stopping);
    }
  }
}

/** Waits `ms`, or less when the signal aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

function semaphore(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
