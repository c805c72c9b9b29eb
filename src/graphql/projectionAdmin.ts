import type { ProjectionDefinition } from "../../projections/runner/projection.ts";
import type { ProjectorDependencies } from "../../projections/runner/projector.ts";
import { rebuildProjections } from "../../projections/runner/rebuild.ts";
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
  /** Starts a blue/green rebuild in the background; false when one is already running here. */
  rebuild(name: string, options: { dryRun: boolean }): boolean;
  stop(): Promise<void>;
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
    rebuild(name, options) {
      const definition = definitions.find((d) => d.name === name);
      if (!definition) throw new Error(`no projection named ${name}`);
      if (running.has(name)) return false;
      const publish = (payload: Omit<ProjectionProgress["payload"], "name">) =>
        void deps.bus.publish(topics.projection(name), {
          kind: "projection.progress",
          payload: { name, ...payload },
        });
      const work = rebuildProjections(deps, [definition], {
        dryRun: options.dryRun,
        signal: controller.signal,
      })
        .then((reports) =>
          publish({ mode: options.dryRun ? "checked" : "switched", switched: reports[0]?.switched ?? false }),
        )
        .catch((error: unknown) => {
          deps.logger.error({ err: error, projection: name }, "projection rebuild failed");
          publish({ mode: "failed", error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => running.delete(name));
      running.set(name, work);
      return true;
    },
    async stop() {
      controller.abort();
      await Promise.allSettled(running.values());
    },
  };
}
