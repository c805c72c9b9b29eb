import { type CommonQueryMethods, sql } from "slonik";
import { DomainError } from "../../src/domain/shared/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { pageSize, readModel, readRow, readRows } from "../runner/readRows.ts";
import { type MessageView, messageRow, toMessageView } from "./rows.ts";

export type { MessageKind, MessageStatus, MessageView } from "./rows.ts";

/** A page of a conversation, newest last, shaped as a Relay connection. */
export interface MessageConnection {
  edges: { cursor: string; node: MessageView }[];
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
 * The `last` messages (20 unless asked otherwise, at most 100) before the cursor `before` (or the
 * newest), oldest first.
 */
export async function listMessages(
  db: CommonQueryMethods,
  args: { userId: string; agentId: string; last?: number; before?: string | null },
): Promise<MessageConnection> {
  const last = pageSize(args.last, 20, 100);
  const streamId = conversationStreamId(args.userId, args.agentId);
  const before =
    args.before === undefined || args.before === null
      ? sql.fragment``
      : sql.fragment`and t.seq < ${parseMessageCursor(args.before)}`;
  const rows = await readRows(
    db,
    messageRow,
    sql.fragment`from ${table} t where t.stream_id = ${streamId} ${before} order by t.seq desc limit ${last + 1}`,
  );
  const page = rows.slice(0, last).reverse().map(toMessageView);
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
