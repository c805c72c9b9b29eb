import { type CommonQueryMethods, sql } from "slonik";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { readModel, readRows } from "../runner/readRows.ts";
import { memorySummaryRow } from "./projection.ts";

export interface MemorySummaryView {
  id: string;
  /** The conversation stream the summary belongs to. */
  streamId: string;
  summary: string;
  facts: string[];
  /** The stream revisions the summary covers, both ends included. */
  coversFromRevision: number;
  coversToRevision: number;
  messageCount: number;
  summarizedAt: string;
}

/** A conversation's memory summaries, oldest first (in the order they cover the conversation). */
export async function listMemorySummaries(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string },
): Promise<MemorySummaryView[]> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const rows = await readRows(
    db,
    memorySummaryRow,
    sql.fragment`from ${readModel("memory_summaries")} t where t.stream_id = ${streamId}
      order by t.covers_to_revision, t.summary_id`,
  );
  return rows.map((r) => ({
    id: r.summary_id,
    streamId: r.stream_id,
    summary: r.summary,
    facts: r.facts,
    coversFromRevision: r.covers_from_revision,
    coversToRevision: r.covers_to_revision,
    messageCount: r.message_count,
    summarizedAt: r.summarized_at,
  }));
}
