import type { RowStore } from "../runner/projection.ts";
import {
  blankMessage,
  KEPT_FAILED_REPLIES,
  type MessageStreamRow,
  messageStreams,
  messages,
  messageTree,
} from "./rows.ts";
import { attachMessage, attachMessageKnown, renameMessage } from "./tree.ts";

/*
 * Replies come one at a time in a conversation, so the stream row knows the one under way; a
 * failed one is remembered by the message it answers, for a retry.
 */

/**
 * A retry of a failed reply takes over its row and its place in the tree, so the answer stays
 * where the failure was; any other reply is a new message under its parent.
 */
export async function startReply(
  data: {
    replyId: string;
    inReplyTo: string;
    attempt: number;
    startedAt: string;
    parentId?: string | null | undefined;
    retryOf?: string | undefined;
  },
  stream: string,
  seq: number,
  rows: RowStore,
): Promise<void> {
  const { replyId, inReplyTo, attempt, startedAt } = data;
  if (!(await messageStreams.get(rows, { stream_id: stream }))) return;
  const failedSeq = data.retryOf
    ? (await messageTree.get(rows, { stream_id: stream, node_id: data.retryOf }))?.seq
    : data.attempt > 1
      ? (await messageStreams.get(rows, { stream_id: stream }))?.failed_replies.find(
          ([id]) => id === inReplyTo,
        )?.[1]
      : undefined;
  const previous =
    failedSeq === undefined ? undefined : await messages.get(rows, { stream_id: stream, seq: failedSeq });
  let row: Parameters<typeof messages.put>[1];
  if (previous?.status === "failed") {
    await renameMessage(rows, stream, previous.message_id, replyId);
    row = {
      ...previous,
      message_id: replyId,
      status: "streaming" as const,
      attempt,
      failure_reason: null,
      retryable: null,
      updated_at: startedAt,
    };
  } else {
    const place = await attachMessage(rows, stream, { id: replyId, parentId: data.parentId, seq });
    row = newReply(data, stream, seq, place);
  }
  messages.put(rows, row);
  recordStart(rows, (await messageStreams.get(rows, { stream_id: stream }))!, replyId, row.seq, inReplyTo);
}

/**
 * `startReply` without a promise, for a reply that is no retry of a failed one, when every row it
 * reads is known: false, having written nothing, when it has to be started.
 */
export function startReplyKnown(
  data: Parameters<typeof startReply>[0],
  stream: string,
  seq: number,
  rows: RowStore,
): boolean {
  const { replyId, inReplyTo } = data;
  const key = { stream_id: stream };
  const owner = messageStreams.getKnown(rows, key);
  if (owner === undefined) return false;
  if (owner === null) return true;
  const failed = data.retryOf
    ? messageTree.getKnown(rows, { stream_id: stream, node_id: data.retryOf })
    : data.attempt > 1
      ? { seq: owner.failed_replies.find(([id]) => id === inReplyTo)?.[1] }
      : null;
  if (failed === undefined) return false;
  const previous =
    failed?.seq === undefined ? null : messages.getKnown(rows, { stream_id: stream, seq: failed.seq });
  if (previous === undefined || previous?.status === "failed") return false;
  const place = attachMessageKnown(rows, stream, { id: replyId, parentId: data.parentId, seq });
  if (!place) return false;
  messages.put(rows, newReply(data, stream, seq, place));
  recordStart(rows, messageStreams.getKnown(rows, key)!, replyId, seq, inReplyTo);
  return true;
}

/** The row of a reply that is no retry: a new message under its parent, streaming. */
function newReply(
  data: Parameters<typeof startReply>[0],
  stream: string,
  seq: number,
  place: NonNullable<ReturnType<typeof attachMessageKnown>>,
) {
  return blankMessage(stream, seq, {
    message_id: data.replyId,
    kind: "reply",
    role: "agent",
    status: "streaming",
    in_reply_to: data.inReplyTo,
    attempt: data.attempt,
    created_at: data.startedAt,
    ...place,
  });
}

function recordStart(
  rows: RowStore,
  owner: MessageStreamRow,
  replyId: string,
  seq: number,
  inReplyTo: string,
) {
  messageStreams.put(rows, {
    ...owner,
    reply_id: replyId,
    reply_seq: seq,
    failed_replies: owner.failed_replies.filter(([id]) => id !== inReplyTo),
  });
}

/** The row of a reply: replies come one at a time, so it is the one the stream last started. */
export async function replySeq(rows: RowStore, stream: string, replyId: string): Promise<number | null> {
  const owner = await messageStreams.get(rows, { stream_id: stream });
  return owner?.reply_id === replyId ? owner.reply_seq : null;
}

export async function updateReply(
  rows: RowStore,
  stream: string,
  replyId: string,
  changes: Parameters<typeof messages.patch>[2],
): Promise<number | null> {
  const seq = await replySeq(rows, stream, replyId);
  if (seq !== null) await messages.patch(rows, { stream_id: stream, seq }, changes);
  return seq;
}

/** A failed reply keeps its row for a retry of the same message. */
export async function failReply(
  data: { replyId: string; inReplyTo: string; reason: string; retryable: boolean; failedAt: string },
  stream: string,
  rows: RowStore,
): Promise<void> {
  const { replyId, inReplyTo, reason, retryable, failedAt } = data;
  const changes = { status: "failed" as const, failure_reason: reason, retryable, updated_at: failedAt };
  const seq = await updateReply(rows, stream, replyId, changes);
  const owner = await messageStreams.get(rows, { stream_id: stream });
  if (!owner || seq === null) return;
  recordFailure(rows, owner, inReplyTo, seq);
}

/** `updateReply` without a promise: undefined, having written nothing, when a row has to be read. */
export function updateReplyKnown(
  rows: RowStore,
  stream: string,
  replyId: string,
  changes: Parameters<typeof messages.patch>[2],
): number | null | undefined {
  const owner = messageStreams.getKnown(rows, { stream_id: stream });
  if (owner === undefined) return undefined;
  const seq = owner?.reply_id === replyId ? owner.reply_seq : null;
  if (seq === null) return null;
  const message = messages.getKnown(rows, { stream_id: stream, seq });
  if (message === undefined) return undefined;
  if (message) messages.put(rows, { ...message, ...changes });
  return seq;
}

/** `failReply` without a promise: false, having written nothing, when a row has to be read. */
export function failReplyKnown(
  data: Parameters<typeof failReply>[0],
  stream: string,
  rows: RowStore,
): boolean {
  const { replyId, inReplyTo, reason, retryable, failedAt } = data;
  const changes = { status: "failed" as const, failure_reason: reason, retryable, updated_at: failedAt };
  const seq = updateReplyKnown(rows, stream, replyId, changes);
  if (seq === undefined) return false;
  // A reply's row was found through its stream's row, so that row is known.
  if (seq !== null)
    recordFailure(rows, messageStreams.getKnown(rows, { stream_id: stream })!, inReplyTo, seq);
  return true;
}

function recordFailure(rows: RowStore, owner: MessageStreamRow, inReplyTo: string, seq: number): void {
  const failed: [string, number][] = [
    ...owner.failed_replies.filter(([id]) => id !== inReplyTo),
    [inReplyTo, seq],
  ];
  messageStreams.put(rows, { ...owner, failed_replies: failed.slice(-KEPT_FAILED_REPLIES) });
}
