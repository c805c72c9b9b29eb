import { z } from "zod";
import type {
  MemoryFactCorrected,
  MemoryFactForgotten,
  MemoryFactRecorded,
} from "../../src/domain/conversation/events.ts";
import { memoryFactKinds } from "../../src/domain/conversation/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import { defineProjection, type ProjectedOf } from "../runner/projection.ts";
import { instant, nullableInstant, rowTable } from "../runner/rowTables.ts";

export const memoryFactRow = z.object({
  stream_id: z.string(),
  fact_id: z.string(),
  text: z.string(),
  kind: z.enum(memoryFactKinds),
  source_message_ids: z.array(z.string()),
  recorded_at: instant,
  corrected_at: nullableInstant,
  corrected_by: z.enum(["person", "admin"]).nullable(),
  revision: z.number(),
});
export type MemoryFactRow = z.output<typeof memoryFactRow>;

export const memoryFacts = rowTable<MemoryFactRow>("memory_facts");

type MemoryFactEvent = MemoryFactRecorded | MemoryFactCorrected | MemoryFactForgotten;

/** What each agent remembers about each person: the facts as they stand; a forgotten one leaves no row. */
export const memoryFactsProjection = defineProjection({
  name: "memory_facts",
  version: 1,
  tables: [
    {
      name: memoryFacts.name,
      columns: `stream_id text not null, fact_id text not null, text text not null, kind text not null,
        source_message_ids jsonb not null, recorded_at timestamptz not null, corrected_at timestamptz,
        corrected_by text, revision int not null`,
      primaryKey: ["stream_id", "fact_id"],
      indexes: ["(stream_id, recorded_at)"],
    },
  ],
  canHandle: [
    "MemoryFactRecorded",
    "MemoryFactCorrected",
    "MemoryFactForgotten",
  ] satisfies MemoryFactEvent["type"][],
  // Not async: a fact is nearly always recorded or changed without reading the table.
  evolve(event, rows) {
    const fact = event as ProjectedOf<MemoryFactEvent>;
    const key = { stream_id: event.streamId, fact_id: fact.data.factId };
    switch (fact.type) {
      case "MemoryFactRecorded":
        return memoryFacts.put(rows, {
          ...key,
          text: fact.data.text,
          kind: fact.data.kind,
          source_message_ids: fact.data.sourceMessageIds,
          recorded_at: fact.data.recordedAt,
          corrected_at: null,
          corrected_by: null,
          revision: event.revision,
        });
      case "MemoryFactCorrected": {
        const changes = {
          text: fact.data.text,
          corrected_at: fact.data.correctedAt,
          corrected_by: fact.data.by,
          revision: event.revision,
        };
        if (memoryFacts.patchKnown(rows, key, changes) !== undefined) return;
        return memoryFacts.patch(rows, key, changes).then(() => {});
      }
      case "MemoryFactForgotten":
        return memoryFacts.delete(rows, key);
      default:
        return assertNever(fact);
    }
  },
});
