import { type LiveBus, topics } from "../../src/ports/liveBus.ts";
import { applyWithIsolation } from "./applyWithIsolation.ts";
import { CheckpointMovedError, type Target } from "./batchApplier.ts";
import { ensureLive } from "./generations.ts";
import type { ProjectionDefinition } from "./projection.ts";
import { rebuildProjections } from "./rebuild.ts";
import { PROJECTOR_LEASE, type ProjectorDependencies } from "./runnerDependencies.ts";
import { markFailed, markStatus, openTarget } from "./targets.ts";
import { isTransient } from "./transientErrors.ts";

export type { ProjectorDependencies } from "./runnerDependencies.ts";

/**
 * Keeps every live projection up to date from one subscription to all events, holding the
 * projector lease so one process writes at a time. A projection whose version changed is rebuilt
 * beside the live one first.
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

  async run(signal: AbortSignal): Promise<void> {
    const { leases, logger } = this.#deps;
    while (!signal.aborted) {
      const lease = await leases.acquire(PROJECTOR_LEASE, signal);
      if (!lease) return;
      logger.info({ projections: this.#definitions.map((d) => d.name) }, "projector lease acquired");
      const stop = AbortSignal.any([signal, lease.lost]);
      try {
        while (!stop.aborted) await this.#runOnce(stop);
      } catch (error) {
        logger.error({ err: error }, "projector stopped on an error; starting again");
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        await markStatus(
          this.#deps.pool,
          this.#definitions.map((d) => d.name),
          "idle",
        ).catch(() => {});
        await lease.release();
      }
    }
  }

  async #runOnce(signal: AbortSignal): Promise<void> {
    const { pool, raw, store, catalogue, logger } = this.#deps;
    const targets: Target[] = [];
    for (const definition of this.#definitions) {
      let state = await ensureLive(pool, raw, definition);
      if (state.live_version !== definition.version) {
        logger.info(
          { projection: definition.name },
          "projection version changed: rebuilding beside the live one",
        );
        await rebuildProjections(this.#deps, [definition], { signal });
        if (signal.aborted) return;
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
    if (targets.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return;
    }
    await markStatus(
      pool,
      targets.map((t) => t.definition.name),
      "running",
    );
    const from = targets
      .map((t) => t.checkpoint)
      .reduce((a, b) => (store.comparePositions(a, b) <= 0 ? a : b));
    const progress = new ProgressPublisher(this.#deps.bus);
    try {
      for await (const events of store.subscribeToAll({ after: from, batchSize: this.#batchSize, signal })) {
        const result = await applyWithIsolation(pool, catalogue, targets, events, (a, b) =>
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
        for (const notice of result.notices) await this.#deps.bus.publish(notice.topic, notice.message);
        progress.publish(targets);
        if (targets.length === 0) return;
      }
    } catch (error) {
      if (error instanceof CheckpointMovedError) return;
      if (isTransient(error)) {
        logger.warn(
          { err: error },
          "projector lost the database for a moment; resuming from the checkpoints",
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return;
      }
      throw error;
    }
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
    const now = Date.now();
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
