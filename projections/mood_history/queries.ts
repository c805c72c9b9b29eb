import { type CommonQueryMethods, sql } from "slonik";
import type { Mood } from "../../src/domain/shared/mood.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { readModel, readRows } from "../runner/readRows.ts";
import { moodHistoryRow } from "./projection.ts";

export interface MoodPoint {
  at: string;
  mood: Mood;
  /** 0..1 */
  intensity: number;
  /** Null for the first shift of a conversation (before it the agent's baseline applied). */
  previous: { mood: Mood; intensity: number } | null;
  reason: string;
  revision: number;
}

/** A conversation's mood shifts in time order, optionally from `from` (inclusive) to `to` (exclusive). */
export async function listMoodHistory(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; from?: string; to?: string },
): Promise<MoodPoint[]> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const from = args.from ? sql.fragment`and t.at >= ${args.from}::timestamptz` : sql.fragment``;
  const to = args.to ? sql.fragment`and t.at < ${args.to}::timestamptz` : sql.fragment``;
  const rows = await readRows(
    db,
    moodHistoryRow,
    sql.fragment`from ${readModel("mood_history")} t where t.stream_id = ${streamId} ${from} ${to}
      order by t.at, t.revision`,
  );
  return rows.map((r) => ({
    at: r.at,
    mood: r.mood,
    intensity: r.intensity,
    previous:
      r.previous_mood === null ? null : { mood: r.previous_mood, intensity: r.previous_intensity ?? 0 },
    reason: r.reason,
    revision: r.revision,
  }));
}
