import { type EventProcessor, runEventProcessor } from "../../src/application/processing/eventProcessor.ts";
import { START } from "../../src/ports/eventStore.ts";
import { type LiveBus, topics } from "../../src/ports/liveBus.ts";
import { CheckpointMovedError } from "./applyBatch.ts";
import { applyWithIsolation } from "./applyWithIsolation.ts";
import { ensureLive } from "./generations.ts";
import type { ProjectionDefinition } from "./projection.ts";
import { rebuildProjections } from "./rebuild.ts";
import { PROJECTOR_LEASE, type ProjectorDependencies } from "./runnerDependencies.ts";
import type { Target } from "./targets.ts";
import { markFailed, markStatus, openTarget } from "./targets.ts";
import { isTransient } from "./transientErrors.ts";

export type { ProjectorDependencies } from "./runnerDependencies.ts";

const NOTHING_TO_PROJECT_MS = 5_000;
const TRANSIENT_PAUSE_MS = 1_000;

/**
 * Keeps every live projection up to date from one subscription to all events, holding the
 * projector lease so one process writes at a time. A projection whose version changed is rebuilt
 * beside the live one first. Each projection's checkpoint moves in the transaction that writes
 * its rows.
 */
export class Projector {
  readonly #deps: ProjectorDependencies;
  readonly #definitions: ProjectionDefinition[];
  readonly #batchSize: number;

  constructor(
    deps: ProjectorDependencies,
    definitions: ProjectionDefinition[],
    options: { batchSize?: number } = {},
  ) {
    this.#deps = deps;
    this.#definitions = definitions;
    this.#batchSize = options.batchSize ?? 500;
  }

  run(signal: AbortSignal): Promise<void> {
    const { store, leases, clock, logger } = this.#deps;
    return runEventProcessor(this.processor(), { eventStore: store, leases, clock, logger }, signal);
  }

  /** The projector as an event processor: its checkpoints are its live projections' own. */
  processor(): EventProcessor {
    const deps = this.#deps;
    const definitions = this.#definitions;
    let targets: Target[] = [];
    let progress = new ProgressPublisher(deps.bus);
    return {
      name: "projector",
      lease: PROJECTOR_LEASE,
      batchSize: this.#batchSize,
      start: async (signal) => {
        targets = await this.#liveTargets(signal);
        while (targets.length === 0 && !signal.aborted) {
          await deps.clock.sleep(NOTHING_TO_PROJECT_MS, signal);
          targets = await this.#liveTargets(signal);
        }
        if (targets.length === 0) return START;
        await markStatus(
          deps.pool,
          targets.map((t) => t.definition.name),
          "running",
        );
        progress = new ProgressPublisher(deps.bus);
        return targets
          .map((t) => t.checkpoint)
          .reduce((a, b) => (deps.store.comparePositions(a, b) <= 0 ? a : b));
      },
      handle: async (events, signal) => {
        try {
          await deps.priority?.yieldToTurns();
          await this.#apply(targets, events);
        } catch (error) {
          if (error instanceof CheckpointMovedError) return "stop";
          if (!isTransient(error)) throw error;
          deps.logger.warn(
            { err: error },
            "projector lost the database for a moment; resuming from the checkpoints",
          );
          await deps.clock.sleep(TRANSIENT_PAUSE_MS, signal);
          return "stop";
        }
        progress.publish(targets);
        return targets.length === 0 ? "stop" : "go on";
      },
      close: async () => {},
      released: async () => {
        await markStatus(
          deps.pool,
          definitions.map((d) => d.name),
          "idle",
        ).catch(() => {});
      },
    };
  }

  /** The live generation of every projection, rebuilt first where its version changed; failed ones are left out. */
  async #liveTargets(signal: AbortSignal): Promise<Target[]> {
    const { pool, raw, logger } = this.#deps;
    const targets: Target[] = [];
    for (const definition of this.#definitions) {
      let state = await ensureLive(pool, raw, definition);
      if (state.live_version !== definition.version) {
        logger.info(
          { projection: definition.name },
          "projection version changed: rebuilding beside the live one",
        );
        await rebuildProjections(this.#deps, [definition], { signal });
        if (signal.aborted) return [];
        state = await ensureLive(pool, raw, definition);
      }
      if (state.status === "failed") {
        logger.warn(
          { projection: definition.name, error: state.error },
          "projection is stopped on a failed event",
        );
        continue;
      }
      targets.push(await openTarget(pool, definition, state.live_generation!, "live"));
    }
    return targets;
  }

  /** Applies a batch; a projection that fails on an event is stopped there and left out from now on. */
  async #apply(targets: Target[], events: Parameters<EventProcessor["handle"]>[0]): Promise<void> {
    const { pool, store, catalogue, logger, bus } = this.#deps;
    const result = await applyWithIsolation(pool, catalogue, targets, [...events], (a, b) =>
      store.comparePositions(a, b),
    );
    for (const { target, error } of result.failed) {
      logger.error({ projection: target.definition.name, eventId: error.event.id }, error.message);
      await markFailed(pool, target.definition.name, {
        eventId: error.event.id,
        type: error.event.type,
        position: error.event.position,
        message: error.cause instanceof Error ? error.cause.message : String(error.cause),
      });
      targets.splice(targets.indexOf(target), 1);
    }
    for (const notice of result.notices) await bus.publish(notice.topic, notice.message);
  }
}

/** Tells live watchers how far each projection is, at most a few times a second. */
class ProgressPublisher {
  readonly #bus: LiveBus;
  #last = 0;
  constructor(bus: LiveBus) {
    this.#bus = bus;
  }
  publish(targets: Target[]): void {
    const now = performance.now();
    if (now - this.#last < 250) return;
    this.#last = now;
    for (const target of targets) {
      void this.#bus.publish(topics.projection(target.definition.name), {
        kind: "projection.progress",
        payload: {
          name: target.definition.name,
          generation: target.generation,
          checkpoint: target.checkpoint,
          mode: "live",
        },
      });
    }
  }
}
