import { z } from "zod";
import type { AffinityChanged } from "../../src/domain/conversation/events.ts";
import { defineProjection, type ProjectedEvent } from "../runner/projection.ts";
import { instant, rowTable } from "../runner/rowTables.ts";

export const affinityDeltaRow = z.object({
  stream_id: z.string(),
  revision: z.number(),
  at: instant,
  delta: z.number(),
  requested_delta: z.number(),
  value: z.number(),
  reason: z.string(),
});
export type AffinityDeltaRow = z.output<typeof affinityDeltaRow>;

export const affinityDeltas = rowTable<AffinityDeltaRow>("affinity_deltas");

/** Every affinity change of every conversation, for charts: when, by how much, to what, and why. */
export const affinityDeltasProjection = defineProjection({
  name: "affinity_deltas",
  version: 1,
  tables: [
    {
      name: affinityDeltas.name,
      columns: `stream_id text not null, revision int not null, at timestamptz not null, delta int not null,
        requested_delta int not null, value int not null, reason text not null`,
      primaryKey: ["stream_id", "revision"],
      indexes: ["(stream_id, at, revision)"],
      // A conversation's points in time order; the values and reasons are never planned on.
      statistics: ["stream_id", "at", "revision"],
    },
  ],
  canHandle: ["AffinityChanged"] satisfies AffinityChanged["type"][],
  evolve(event, rows) {
    const { data } = event as ProjectedEvent<AffinityChanged>;
    affinityDeltas.put(rows, {
      stream_id: event.streamId,
      revision: event.revision,
      at: event.occurredAt,
      delta: data.delta,
      requested_delta: data.requestedDelta,
      value: data.value,
      reason: data.reason,
    });
  },
});
