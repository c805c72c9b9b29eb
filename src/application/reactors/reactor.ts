import type { Logger } from "../../observability/logger.ts";
import type { CheckpointStore } from "../../ports/checkpointStore.ts";
import type { Clock } from "../../ports/clock.ts";
import { START } from "../../ports/eventStore.ts";
import type { Leases } from "../../ports/lease.ts";
import type { EventLog, WithmeStoredEvent } from "../eventLog.ts";
import { type Checkpoints, type EventProcessor, runEventProcessor } from "../processing/eventProcessor.ts";
import type { TurnPriority } from "../processing/turnPriority.ts";
import type { Reactor } from "./reactorDefinition.ts";
import { ReactorTurn } from "./reactorTurn.ts";

export { defineReactor, type Reactor, type ReactorDefinition } from "./reactorDefinition.ts";

export interface ReactorDependencies {
  events: EventLog;
  checkpoints: CheckpointStore;
  leases: Leases;
  clock: Clock;
  logger: Logger;
  /** What background reactors wait for before each event; without it nothing waits. */
  priority?: Pick<TurnPriority, "yieldToTurns">;
  /** Whether an event is of a person who has been erased: reactors skip those at once. */
  ofErasedPerson?: (event: WithmeStoredEvent) => Promise<boolean>;
}

export interface ReactorOptions {
  /** How long handlers may finish their work on shutdown before they are cut off. */
  drainMs?: number;
  /**
   * How often the checkpoint is written at most while events keep coming. Tests that watch a
   * reactor's checkpoint to know it is done set it low.
   */
  checkpointEveryMs?: number;
}

/** A reactor's checkpoint, kept in the checkpoint table under its name. */
export function storedCheckpoints(store: CheckpointStore, name: string): Checkpoints {
  return { read: () => store.load(name), store: (position) => store.save(name, position) };
}

/** The reactor as an event processor holding the lease `reactor:<name>`. */
export function reactorProcessor(
  reactor: Reactor,
  deps: ReactorDependencies,
  options: ReactorOptions = {},
): EventProcessor {
  const logger = deps.logger.child({ reactor: reactor.name });
  const checkpoints = storedCheckpoints(deps.checkpoints, reactor.name);
  let turn: ReactorTurn | null = null;
  return {
    name: "reactor",
    lease: `reactor:${reactor.name}`,
    async start(signal, lost) {
      const start =
        (await checkpoints.read()) ??
        (reactor.startAt === "head" ? await deps.events.store.headPosition() : START);
      turn = new ReactorTurn(
        reactor,
        { ...deps, checkpoints, logger, checkpointEveryMs: options.checkpointEveryMs },
        start,
        signal,
        lost,
      );
      return start;
    },
    async handle(batch) {
      for (const recorded of batch) await turn!.see(recorded);
      return "go on";
    },
    async close() {
      await turn?.close(options.drainMs ?? 15_000);
      turn = null;
    },
  };
}

/** Runs a reactor while holding its lease; another instance takes over when this one dies. */
export function runReactor(
  reactor: Reactor,
  deps: ReactorDependencies,
  signal: AbortSignal,
  options: ReactorOptions = {},
): Promise<void> {
  return runEventProcessor(
    reactorProcessor(reactor, deps, options),
    {
      eventStore: deps.events.store,
      leases: deps.leases,
      clock: deps.clock,
      logger: deps.logger.child({ reactor: reactor.name }),
    },
    signal,
  );
}
