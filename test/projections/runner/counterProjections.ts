import { z } from "zod";
import { defineProjection, notice } from "../../../projections/runner/projection.ts";
import { type AgentUpdated, topic } from "../../../src/ports/liveBus.ts";

/** Where the counter projections tell what changed (with the shape of an agent update). */
export const countersTopic = topic<AgentUpdated>("counters");

import { defineEvent, EventCatalogue } from "../../../src/domain/shared/eventCatalogue.ts";
import type { EventToAppend } from "../../../src/ports/eventStore.ts";
import { newEvent } from "../../support/eventStoreContract.ts";

/** A tiny catalogue and two projections that exercise the runner without the real domain. */
export const counterCatalogue = new EventCatalogue([
  defineEvent("CounterIncremented", z.object({ counter: z.string(), by: z.number() })),
  defineEvent("CounterRemoved", z.object({ counter: z.string() })),
  defineEvent("PoisonPill", z.object({ note: z.string() })),
  defineEvent("Unrelated", z.object({})),
]);

export const countersProjection = defineProjection({
  name: "counters",
  version: 1,
  tables: [
    {
      name: "counters",
      columns: "id text not null, total int not null, increments int not null",
      primaryKey: ["id"],
    },
  ],
  canHandle: ["CounterIncremented", "CounterRemoved", "PoisonPill"],
  async evolve(event, rows) {
    const data = event.data as { counter: string; by: number; note: string };
    if (event.type === "PoisonPill") throw new Error(`cannot digest ${data.note}`);
    if (event.type === "CounterRemoved") return rows.delete("counters", { id: data.counter });
    const existing = await rows.get("counters", { id: data.counter });
    rows.put("counters", {
      id: data.counter,
      total: ((existing?.total as number) ?? 0) + data.by,
      increments: ((existing?.increments as number) ?? 0) + 1,
    });
  },
  notify: (event) => [
    notice(countersTopic, {
      kind: "agent.updated",
      payload: { id: event.id, streamId: event.streamId, revision: event.revision, position: event.position },
    }),
  ],
});

export const counterLogProjection = defineProjection({
  name: "counter_log",
  version: 1,
  tables: [
    {
      name: "counter_log",
      columns:
        "event_id uuid not null, counter text not null, by int not null, occurred_at timestamptz not null",
      primaryKey: ["event_id"],
      indexes: ["(counter)"],
    },
  ],
  canHandle: ["CounterIncremented"],
  evolve(event, rows) {
    const data = event.data as { counter: string; by: number };
    rows.put("counter_log", {
      event_id: event.id,
      counter: data.counter,
      by: data.by,
      occurred_at: event.occurredAt,
    });
  },
});

/** A stored-event envelope around counter data. */
export const counterEvent = (type: string, data: unknown): EventToAppend => newEvent(type, data);
