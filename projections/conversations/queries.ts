import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import { type ConversationRow, type ConversationView, conversationRow, toConversationView } from "./rows.ts";

export type { ConversationView } from "./rows.ts";

const table = readModel("conversations");
const agentOfStream = z.object({ stream_id: z.string(), agent_id: z.string() });

/** The conversation between a person and an agent, or null before the first message. */
export async function getConversation(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string },
): Promise<ConversationView | null> {
  const row = await readRow(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.user_id = ${args.userId} and t.agent_id = ${args.agentId}`,
  );
  return row ? toConversationView(row) : null;
}

/** A person's conversations, most recent message first (50 unless asked otherwise, at most 200). */
export async function listConversationsForUser(
  db: CommonQueryMethods,
  args: { userId: string; limit?: number },
): Promise<ConversationView[]> {
  const rows = await readRows(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.user_id = ${args.userId}
      order by t.last_message_at desc nulls last, t.stream_id limit ${pageSize(args.limit, 50, 200)}`,
  );
  return rows.map(toConversationView);
}

/**
 * Every agent the person has a conversation with, however many: read in pages of `pageSize` by
 * stream id, for erasure and export, which must miss none.
 */
export async function listAllAgentIdsOfUser(
  db: CommonQueryMethods,
  args: { userId: string; pageSize?: number },
): Promise<string[]> {
  const limit = Math.max(1, Math.floor(args.pageSize ?? 500));
  const agentIds: string[] = [];
  let after = "";
  for (;;) {
    const page = await db.any(
      sql.type(agentOfStream)`select stream_id, agent_id from ${table}
        where user_id = ${args.userId} and stream_id > ${after} order by stream_id limit ${limit}`,
    );
    for (const row of page) agentIds.push(row.agent_id);
    if (page.length < limit) return agentIds;
    after = page.at(-1)!.stream_id;
  }
}

/** For admins: everyone talking to an agent, most recent message first, paged by offset. */
export async function listConversationsForAgent(
  db: CommonQueryMethods,
  args: { agentId: string; limit?: number; offset?: number },
): Promise<ConversationView[]> {
  const offset = Math.max(0, Math.floor(args.offset ?? 0));
  const rows = await readRows(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.agent_id = ${args.agentId}
      order by t.last_message_at desc nulls last, t.stream_id
      limit ${pageSize(args.limit, 50, 200)} offset ${offset}`,
  );
  return rows.map(toConversationView);
}

/**
 * Conversations owed a reply that is not being written: the messages a sleeping agent will
 * answer when it wakes up. Paged by stream id.
 */
export async function listConversationsAwaitingReply(
  db: CommonQueryMethods,
  args: { after: string | null; limit: number },
): Promise<{ streamId: string; userId: string; agentId: string; affinity: number }[]> {
  const rows = await readRows(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.awaiting_replies > 0 and t.reply_status <> 'streaming'
      and t.stream_id > ${args.after ?? ""} order by t.stream_id limit ${pageSize(args.limit, 500, 1000)}`,
  );
  return rows.map((row) => ({
    streamId: row.stream_id,
    userId: row.user_id,
    agentId: row.agent_id,
    affinity: row.affinity,
  }));
}

/** Every conversation with an agent, as stored: what the life scheduler decides initiations from. */
export async function listConversationRowsWithAgent(
  db: CommonQueryMethods,
  args: { agentId: string },
): Promise<ConversationRow[]> {
  return readRows(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.agent_id = ${args.agentId} order by t.stream_id`,
  );
}

/** The agent-initiated messages these people received lately (within two days of each agent's latest), oldest first. */
export async function listRecentInitiationsOf(
  db: CommonQueryMethods,
  args: { userIds: readonly string[] },
): Promise<Map<string, { agentId: string; sentAt: string }[]>> {
  const byUser = new Map<string, { agentId: string; sentAt: string }[]>();
  if (args.userIds.length === 0) return byUser;
  const rows = await readRows(
    db,
    conversationRow,
    sql.fragment`from ${table} t where t.user_id = any(${sql.array([...args.userIds], "text")})
      and t.last_initiated_at is not null order by t.stream_id`,
  );
  for (const row of rows) {
    const sent = byUser.get(row.user_id) ?? [];
    sent.push(...row.recent_initiations.map((sentAt) => ({ agentId: row.agent_id, sentAt })));
    byUser.set(row.user_id, sent);
  }
  for (const sent of byUser.values()) sent.sort((x, y) => x.sentAt.localeCompare(y.sentAt));
  return byUser;
}
