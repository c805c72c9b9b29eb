import { z } from "zod";
import type { MemorySummariesWithdrawn, MemorySummarized } from "../../src/domain/conversation/events.ts";
import { defineProjection, type ProjectedEvent } from "../runner/projection.ts";
import { instant, rowTable } from "../runner/rowTables.ts";

export const memorySummaryRow = z.object({
  stream_id: z.string(),
  summary_id: z.string(),
  summary: z.string(),
  facts: z.array(z.string()),
  covers_from_revision: z.number(),
  covers_to_revision: z.number(),
  message_count: z.number(),
  summarized_at: instant,
  revision: z.number(),
});
export type MemorySummaryRow = z.output<typeof memorySummaryRow>;

export const memorySummaries = rowTable<MemorySummaryRow>("memory_summaries");

/**
 * Long-term memory as text: each conversation's summaries and the facts drawn from them; a
 * summary withdrawn because a fact told in its messages was forgotten or corrected is dropped.
 */
export const semanticMemoryProjection = defineProjection({
  name: "semantic_memory",
  version: 2,
  tables: [
    {
      name: memorySummaries.name,
      columns: `stream_id text not null, summary_id text not null, summary text not null, facts jsonb not null,
        covers_from_revision int not null, covers_to_revision int not null, message_count int not null,
        summarized_at timestamptz not null, revision int not null`,
      primaryKey: ["stream_id", "summary_id"],
      indexes: ["(stream_id, covers_to_revision)"],
    },
  ],
  canHandle: ["MemorySummarized", "MemorySummariesWithdrawn"] satisfies (
    | MemorySummarized
    | MemorySummariesWithdrawn
  )["type"][],
  evolve(event, rows) {
    if (event.type === "MemorySummariesWithdrawn") {
      for (const summaryId of (event as ProjectedEvent<MemorySummariesWithdrawn>).data.summaryIds)
        memorySummaries.delete(rows, { stream_id: event.streamId, summary_id: summaryId });
      return;
    }
    const { data } = event as ProjectedEvent<MemorySummarized>;
    memorySummaries.put(rows, {
      stream_id: event.streamId,
      summary_id: data.summaryId,
      summary: data.summary,
      facts: data.facts,
      covers_from_revision: data.coversFromRevision,
      covers_to_revision: data.coversToRevision,
      message_count: data.messageCount,
      summarized_at: event.occurredAt,
      revision: event.revision,
    });
  },
});
