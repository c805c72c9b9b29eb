import type pg from "pg";
import type { DatabasePool } from "slonik";
import type { TurnPriority } from "../../src/application/processing/turnPriority.ts";
import type { EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";
import type { Logger } from "../../src/observability/logger.ts";
import type { Clock } from "../../src/ports/clock.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import type { Leases } from "../../src/ports/lease.ts";
import type { LiveBus } from "../../src/ports/liveBus.ts";

/** What the projector, rebuilds and projection status work with. */
export interface ProjectorDependencies {
  pool: DatabasePool;
  raw: pg.Pool;
  store: EventStore;
  catalogue: EventCatalogue;
  bus: LiveBus;
  leases: Leases;
  /** Waits (after an error, while there is nothing to project) go by this clock. */
  clock: Clock;
  logger: Logger;
  /** Live batches wait while replies are waiting for their first words; without it nothing waits. */
  priority?: Pick<TurnPriority, "yieldToTurns">;
}

/** Held by the one process that keeps the live read models up to date. */
export const PROJECTOR_LEASE = "projector";

/** Held while read models are rebuilt beside the live ones. */
export const BUILD_LEASE = "projection-build";

/** Held from the moment a projection's rebuild is asked for until it ends: one per projection across processes. */
export const rebuildLease = (name: string) => `projection-rebuild:${name}`;
