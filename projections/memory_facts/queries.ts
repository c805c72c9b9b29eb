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

/**
 * What the agent remembers about the person in one conversation, oldest first. By default only what
 * it recalls on the path shown: a fact drawn from a message on another branch, or hidden, is left
 * out, as recall leaves it out. A source message the messages read model has not stored yet counts
 * as on the path.
 */
export async function listMemoryFacts(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; allBranches?: boolean },
): Promise<RememberedFactView[]> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const onPath = args.allBranches
    ? sql.fragment``
    : sql.fragment`and not exists (
        select 1 from ${readModel("messages")} m
        where m.stream_id = t.stream_id
          and m.message_id in (select jsonb_array_elements_text(t.source_message_ids))
          and (not m.on_path or m.hidden))`;
  const rows = await readRows(
    db,
    memoryFactRow,
    sql.fragment`from ${readModel("memory_facts")} t where t.stream_id = ${streamId} ${onPath}
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

/**
 * The facts remembered now in each conversation, the latest recorded first (at most `perStream`),
 * by stream id; conversations remembering nothing are left out. Forgotten facts have no row.
 */
export async function latestRememberedFacts(
  db: CommonQueryMethods,
  args: { streamIds: readonly string[]; perStream: number },
): Promise<Map<string, string[]>> {
  if (args.streamIds.length === 0) return new Map();
  const rows = await readRows(
    db,
    memoryFactRow,
    sql.fragment`from (select s.*, row_number() over (partition by s.stream_id
        order by s.recorded_at desc, s.fact_id collate "C" desc) as place
      from ${readModel("memory_facts")} s
      where s.stream_id = any(${sql.array([...args.streamIds], "text")})) t
      where t.place <= ${args.perStream} order by t.stream_id, t.place`,
  );
  const facts = new Map<string, string[]>();
  for (const row of rows) facts.set(row.stream_id, [...(facts.get(row.stream_id) ?? []), row.text]);
  return facts;
}

/**
 * The facts remembered now in each conversation that were recorded since a moment, oldest first,
 * by stream id: where to look for something the person said was coming up.
 */
export async function rememberedFactsSince(
  db: CommonQueryMethods,
  args: { streamIds: readonly string[]; since: string },
): Promise<Map<string, { text: string; recordedAt: string }[]>> {
  if (args.streamIds.length === 0) return new Map();
  const rows = await readRows(
    db,
    memoryFactRow,
    sql.fragment`from ${readModel("memory_facts")} t
      where t.stream_id = any(${sql.array([...args.streamIds], "text")}) and t.recorded_at >= ${args.since}
      order by t.stream_id, t.recorded_at, t.fact_id collate "C"`,
  );
  const facts = new Map<string, { text: string; recordedAt: string }[]>();
  for (const row of rows)
    facts.set(row.stream_id, [
      ...(facts.get(row.stream_id) ?? []),
      { text: row.text, recordedAt: row.recorded_at },
    ]);
  return facts;
}
