import { type CommonQueryMethods, sql } from "slonik";
import type { MemoryFactKind } from "../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { readModel, readRows } from "../runner/readRows.ts";
import { memoryFactRow } from "./projection.ts";

export interface RememberedFactView {
  id: string;
  text: string;
  kind: MemoryFactKind;
  recordedAt: string;
  correctedAt: string | null;
  sourceMessageIds: string[];
}

/** What the agent remembers about the person in one conversation, oldest first. */
export async function listMemoryFacts(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string },
): Promise<RememberedFactView[]> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const rows = await readRows(
    db,
    memoryFactRow,
    sql.fragment`from ${readModel("memory_facts")} t where t.stream_id = ${streamId}
      order by t.recorded_at, t.revision, t.fact_id`,
  );
  return rows.map((r) => ({
    id: r.fact_id,
    text: r.text,
    kind: r.kind,
    recordedAt: r.recorded_at,
    correctedAt: r.corrected_at,
    sourceMessageIds: r.source_message_ids,
  }));
}
