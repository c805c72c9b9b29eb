import type { EventStore, Position, RecordedEvent } from "../../ports/eventStore.ts";
import { type LeasedLoopDependencies, type LeasedLoopOptions, runLeased } from "./leasedLoop.ts";

/** Where a processor has got to: read when it starts, stored as it goes. */
export interface Checkpoints {
  read(): Promise<Position | null>;
  store(position: Position): Promise<void>;
}

/** A checkpoint kept in memory: the API's live feed starts from the head in each process. */
export function memoryCheckpoints(): Checkpoints {
  let position: Position | null = null;
  return {
    read: async () => position,
    store: async (next) => {
      position = next;
    },
  };
}

/**
 * Something that handles the global stream of events, batch by batch, from its own checkpoint:
 * the projector, a reactor, the live event feed.
 */
export interface EventProcessor {
  readonly name: string;
  /** The lease that lets one instance process at a time; null processes in every process. */
  readonly lease: string | null;
  /**
   * Gets ready (each time the lease is taken) and says where to read from. `signal` aborts on
   * shutdown or a lost lease, `lost` only on a lost lease.
   */
  start(signal: AbortSignal, lost: AbortSignal): Promise<Position>;
  /** One batch, in global order; `stop` ends this turn, and processing starts again from `start`. */
  handle(batch: readonly RecordedEvent[], signal: AbortSignal): Promise<"go on" | "stop">;
  /** When the subscription ends, whatever the reason. */
  close(): Promise<void>;
  /** After the lease is given up or lost. */
  released?(): Promise<void>;
  readonly errorLevel?: "warn" | "error";
  /** Largest batch handed to `handle`. */
  readonly batchSize?: number;
}

export interface EventProcessorDependencies extends LeasedLoopDependencies {
  eventStore: EventStore;
}

/** Subscribes the processor to all events from its checkpoint while it holds its lease. */
export function runEventProcessor(
  processor: EventProcessor,
  deps: EventProcessorDependencies,
  signal: AbortSignal,
  options: LeasedLoopOptions = {},
): Promise<void> {
  return runLeased(
    {
      name: processor.name,
      lease: processor.lease,
      ...(processor.errorLevel ? { errorLevel: processor.errorLevel } : {}),
      ...(processor.released ? { released: () => processor.released!() } : {}),
      run: async (held, lost) => {
        const after = await processor.start(held, lost);
        try {
          const batches = deps.eventStore.subscribeToAll({
            after,
            signal: held,
            ...(processor.batchSize ? { batchSize: processor.batchSize } : {}),
          });
          for await (const batch of batches) {
            if ((await processor.handle(batch, held)) === "stop") return;
          }
        } finally {
          await processor.close();
        }
      },
    },
    deps,
    signal,
    options,
  );
}
