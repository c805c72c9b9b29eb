import { readState } from "../../projections/runner/generations.ts";
import type { ProjectionDefinition } from "../../projections/runner/projection.ts";
import type { ProjectorDependencies } from "../../projections/runner/projector.ts";
import { rebuildProjections } from "../../projections/runner/rebuild.ts";
import { BUILD_LEASE, rebuildLease } from "../../projections/runner/runnerDependencies.ts";
import {
  liveCheckpoint,
  type ProjectionStatus,
  projectionStatuses,
} from "../../projections/runner/status.ts";
import type { Position } from "../ports/eventStore.ts";
import { type ProjectionProgress, topics } from "../ports/liveBus.ts";

/** What operators can see and do about the read models from the API. */
export interface ProjectionAdmin {
  names(): string[];
  statuses(): Promise<ProjectionStatus[]>;
  /** The projections whose live generation has not yet read up to `position` (none yet built, or failed). */
  behind(position: Position): Promise<string[]>;
  /** Starts a blue/green rebuild in the background, or says why it does not. */
  rebuild(name: string, options: { dryRun: boolean }): Promise<RebuildAnswer>;
  stop(): Promise<void>;
}

/**
 * `started` is false when a rebuild of that projection is already running or waiting, here or in
 * another process; `queued` when it waits for another projection's rebuild (one at a time) first.
 */
export interface RebuildAnswer {
  started: boolean;
  queued: boolean;
}

export function createProjectionAdmin(
  deps: ProjectorDependencies,
  definitions: ProjectionDefinition[],
): ProjectionAdmin {
  const running = new Map<string, Promise<void>>();
  const controller = new AbortController();
  return {
    names: () => definitions.map((d) => d.name),
    statuses: () =>
      projectionStatuses({ pool: deps.pool, store: deps.store, leases: deps.leases }, definitions),
    async behind(position) {
      const names: string[] = [];
      for (const { name } of definitions) {
        const checkpoint = await liveCheckpoint(deps.pool, name);
        if (
          checkpoint.failed ||
          checkpoint.position === null ||
          deps.store.comparePositions(checkpoint.position, position) < 0
        )
          names.push(name);
      }
      return names;
    },
    async rebuild(name, options) {
      const definition = definitions.find((d) => d.name === name);
      if (!definition) throw new Error(`no projection named ${name}`);
      if (running.has(name)) return { started: false, queued: false };
      // Whichever process (this one included) claims the projection first rebuilds it; the claim
      // is a PostgreSQL lease, so it holds across API processes and ends with its holder.
      const claim = await deps.leases.tryAcquire(rebuildLease(name));
      if (!claim) return { started: false, queued: false };
      // The build lease held while nothing builds here: another process is rebuilding, perhaps
      // this projection from the command line, which takes no claim.
      const elsewhere = running.size === 0 && (await deps.leases.isHeld(BUILD_LEASE));
      if (elsewhere && (await readState(deps.pool, name))?.building_generation != null) {
        await claim.release();
        return { started: false, queued: false };
      }
      const queued = running.size > 0 || elsewhere;
      const publish = (payload: Omit<ProjectionProgress["payload"], "name">) =>
        void deps.bus.publish(topics.projection(name), {
          kind: "projection.progress",
          payload: { name, ...payload },
        });
      const work = rebuildProjections(deps, [definition], {
        dryRun: options.dryRun,
        signal: AbortSignal.any([controller.signal, claim.lost]),
      })
        .then((reports) => {
          const report = reports[0];
          if (!report) publish({ mode: "failed", error: "stopped before the rebuild could start" });
          else publish({ mode: options.dryRun ? "checked" : "switched", switched: report.switched });
        })
        .catch((error: unknown) => {
          deps.logger.error({ err: error, projection: name }, "projection rebuild failed");
          publish({ mode: "failed", error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          running.delete(name);
          return claim.release();
        });
      running.set(name, work);
      return { started: true, queued };
    },
    async stop() {
      controller.abort();
      await Promise.allSettled(running.values());
    },
  };
}
