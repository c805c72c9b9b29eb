import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { DomainError } from "../../src/domain/shared/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import { type MessageView, toMessageView } from "./messageView.ts";
import { messageRow } from "./rows.ts";

export type { MessageView } from "./messageView.ts";
export type { MessageKind, MessageStatus } from "./rows.ts";

/**
 * A message on the path with the alternatives it is one of (oldest first, hidden ones left out
 * unless asked for) and its index among them; null for images and notes, which have none.
 */
export type MessageOnPath = MessageView & {
  siblings: { ids: string[]; index: number } | null;
  /** For the person's message whose every reply they hid: the newest of those replies. */
  hiddenReplyId: string | null;
};

/** A page of a conversation's active path, newest last, shaped as a Relay connection. */
export interface MessageConnection {
  edges: { cursor: string; node: MessageOnPath }[];
  pageInfo: {
    /** Older messages exist before this page. */
    hasPreviousPage: boolean;
    /** Always false: a page runs up to `before`, or to the newest message. */
    hasNextPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const table = readModel("messages");
const tree = readModel("message_tree");
const NODE_KINDS = new Set(["user", "reply", "initiated"]);
const sibling = z.object({ parent_id: z.string().nullable(), node_id: z.string() });
const reply = z.object({ parent_id: z.string(), node_id: z.string(), hidden: z.boolean() });

/** Cursors are the message's `seq` in decimal. */
export function parseMessageCursor(cursor: string): number {
  if (!/^\d{1,9}$/.test(cursor))
    throw new DomainError(
      "InvalidCursor",
      "BAD_USER_INPUT",
      "This cursor is not from this list; page again from the start.",
    );
  return Number(cursor);
}

/**
 * The `last` messages of the active path (20 unless asked otherwise, at most 100) before the
 * cursor `before` (or the newest), oldest first; hidden ones only when `includeHidden` (admins).
 */
export async function listMessages(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; last?: number; before?: string | null; includeHidden?: boolean },
): Promise<MessageConnection> {
  const last = pageSize(args.last, 20, 100);
  const streamId = conversationStreamId(args.userId, args.agentId);
  const before =
    args.before === undefined || args.before === null
      ? sql.fragment``
      : sql.fragment`and t.seq < ${parseMessageCursor(args.before)}`;
  const visible = args.includeHidden ? sql.fragment`` : sql.fragment`and not t.hidden`;
  const rows = await readRows(
    db,
    messageRow,
    sql.fragment`from ${table} t where t.stream_id = ${streamId} and t.on_path ${visible} ${before}
      order by t.seq desc limit ${last + 1}`,
  );
  const views = rows.slice(0, last).reverse().map(toMessageView);
  const page = await withSiblings(db, streamId, views, args.includeHidden ?? false);
  return {
    edges: page.map((node) => ({ cursor: node.cursor, node })),
    pageInfo: {
      hasPreviousPage: rows.length > last,
      hasNextPage: false,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
  };
}

/** The alternatives of each message of a page, from one index lookup per distinct parent. */
async function withSiblings(
  db: CommonQueryMethods,
  streamId: string,
  views: MessageView[],
  includeHidden: boolean,
): Promise<MessageOnPath[]> {
  const nodes = views.filter((v) => NODE_KINDS.has(v.kind));
  const parents = [...new Set(nodes.map((v) => v.parentId).filter((id) => id !== null))];
  const roots = nodes.some((v) => v.parentId === null);
  const visible = includeHidden ? sql.fragment`` : sql.fragment`and not c.hidden`;
  const children =
    nodes.length === 0
      ? []
      : await db.any(sql.type(sibling)`
          select c.parent_id, c.node_id from ${tree} c
          where c.stream_id = ${streamId} ${visible}
            and (c.parent_id = any(${sql.array(parents, "text")}) or (${roots} and c.parent_id is null))
          order by c.parent_id nulls first, c.sibling_index`);
  const byParent = new Map<string | null, string[]>();
  for (const child of children)
    byParent.set(child.parent_id, [...(byParent.get(child.parent_id) ?? []), child.node_id]);
  const hiddenReplies = await hiddenRepliesOf(db, streamId, views);
  return views.map((view) => {
    const hiddenReplyId = hiddenReplies.get(view.messageId) ?? null;
    if (!NODE_KINDS.has(view.kind)) return { ...view, siblings: null, hiddenReplyId };
    const ids = byParent.get(view.parentId) ?? [];
    return { ...view, siblings: { ids, index: ids.indexOf(view.messageId) }, hiddenReplyId };
  });
}

/**
 * The person's messages at the end of a page whose every reply they hid, each with the newest of
 * those replies: without it such a message reads as one still to be answered. Read only when the
 * page ends with the person's message (a page ending with a reply has none).
 */
async function hiddenRepliesOf(
  db: CommonQueryMethods,
  streamId: string,
  views: readonly MessageView[],
): Promise<Map<string, string>> {
  const trailing: string[] = [];
  for (let i = views.length - 1; i >= 0 && views[i]!.kind === "user"; i--) trailing.push(views[i]!.messageId);
  if (trailing.length === 0) return new Map();
  const replies = await db.any(sql.type(reply)`
    select c.parent_id, c.node_id, c.hidden from ${tree} c
    where c.stream_id = ${streamId} and c.parent_id = any(${sql.array(trailing, "text")})
    order by c.parent_id, c.sibling_index`);
  const found = new Map<string, string>();
  const shown = new Set(replies.filter((r) => !r.hidden).map((r) => r.parent_id));
  for (const r of replies) if (r.hidden && !shown.has(r.parent_id)) found.set(r.parent_id, r.node_id);
  return found;
}

/** One message by its id (a reply that was retried answers to its latest reply id), or null. */
export async function getMessage(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; messageId: string },
): Promise<MessageView | null> {
  const streamId = conversationStreamId(args.userId, args.agentId);
  const row = await readRow(
    db,
    messageRow,
    sql.fragment`from ${table} t where t.stream_id = ${streamId} and t.message_id = ${args.messageId}
      order by t.seq desc`,
  );
  return row ? toMessageView(row) : null;
}
