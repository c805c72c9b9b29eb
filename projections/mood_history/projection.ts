import { z } from "zod";
import type { MoodShifted } from "../../src/domain/conversation/events.ts";
import { MoodSchema } from "../../src/domain/shared/mood.ts";
import { defineProjection, type ProjectedEvent } from "../runner/projection.ts";
import { instant, rowTable } from "../runner/rowTables.ts";

export const moodHistoryRow = z.object({
  stream_id: z.string(),
  revision: z.number(),
  at: instant,
  mood: MoodSchema,
  intensity: z.number(),
  previous_mood: MoodSchema.nullable(),
  previous_intensity: z.number().nullable(),
  reason: z.string(),
});
export type MoodHistoryRow = z.output<typeof moodHistoryRow>;

export const moodHistory = rowTable<MoodHistoryRow>("mood_history");

/** Every mood shift of every conversation, for charts: when, to which mood, from which, and why. */
export const moodHistoryProjection = defineProjection({
  name: "mood_history",
  version: 1,
  tables: [
    {
      name: moodHistory.name,
      columns: `stream_id text not null, revision int not null, at timestamptz not null, mood text not null,
        intensity float8 not null, previous_mood text, previous_intensity float8, reason text not null`,
      primaryKey: ["stream_id", "revision"],
      indexes: ["(stream_id, at, revision)"],
      // A conversation's points in time order; the values and reasons are never planned on.
      statistics: ["stream_id", "at", "revision"],
    },
  ],
  canHandle: ["MoodShifted"] satisfies MoodShifted["type"][],
  evolve(event, rows) {
    const { data } = event as ProjectedEvent<MoodShifted>;
    moodHistory.put(rows, {
      stream_id: event.streamId,
      revision: event.revision,
      at: event.occurredAt,
      mood: data.mood,
      intensity: data.intensity,
      previous_mood: data.previous?.mood ?? null,
      previous_intensity: data.previous?.intensity ?? null,
      reason: data.reason,
    });
  },
});
