import { sql } from "slonik";
import { z } from "zod";
import type { ProjectionDefinition } from "../../projections/runner/projection.ts";
import { Projector, type ProjectorDependencies } from "../../projections/runner/projector.ts";
import { catalogue, type WithmeEvent } from "../../src/domain/catalogue.ts";
import type { LiveMessage, Topic } from "../../src/ports/liveBus.ts";
import { committedHead } from "../support/committedHead.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../support/coreHarness.ts";
import { appendEvents } from "../support/domainEvents.ts";

export interface ProjectionHarness extends CoreHarness {
  deps: ProjectorDependencies;
  /** Appends events to a stream, each stamped with `occurredAt` (a fixed instant unless given). */
  append(streamId: string, events: readonly WithmeEvent[], occurredAt?: string): Promise<void>;
  /** Waits until every projection's live checkpoint has reached the newest event. */
  settle(): Promise<void>;
  /** Collects what the projector publishes on a topic from now on. */
  listen<M extends LiveMessage>(topic: Topic<M>): M[];
}

const checkpoints = z.object({ name: z.string(), position: z.string() });

/** A fresh database with a projector running the given projections against the real domain catalogue. */
export async function startProjectionHarness(
  definitions: ProjectionDefinition[],
): Promise<ProjectionHarness> {
  const core = await startCoreHarness();
  const deps: ProjectorDependencies = { ...core, catalogue };
  const controller = new AbortController();
  const running = new Projector(deps, definitions, { batchSize: 100 }).run(controller.signal);
  const names = definitions.map((d) => d.name);
  return {
    ...core,
    deps,
    async append(streamId, events, occurredAt) {
      await appendEvents(core.store, streamId, events, occurredAt ? { occurredAt } : {});
    },
    async settle() {
      const head = await committedHead(core.raw);
      await eventually(async () => {
        const rows = await core.pool.any(sql.type(checkpoints)`
          select s.name, c.position from projection_state s
          join projection_checkpoints c on c.name = s.name and c.generation = s.live_generation
          where s.name = any(${sql.array(names, "text")})`);
        return (
          rows.length === names.length &&
          rows.every((row) => core.store.comparePositions(row.position, head) >= 0)
        );
      });
    },
    listen<M extends LiveMessage>(topic: Topic<M>) {
      const received: M[] = [];
      void (async () => {
        for await (const message of core.bus.subscribe(topic, controller.signal)) received.push(message);
      })();
      return received;
    },
    async close() {
      controller.abort();
      await running.catch(() => {});
      await core.close();
    },
  };
}
