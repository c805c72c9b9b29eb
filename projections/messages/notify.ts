import { assertNever } from "../../src/domain/shared/decider.ts";
import { topics } from "../../src/ports/liveBus.ts";
import { type Notice, notice, type RowStore } from "../runner/projection.ts";
import type { MessagesEvent } from "./events.ts";
import { toMessageView } from "./messageView.ts";
import { replySeq } from "./replies.ts";
import { messageImageJobs, messageRow, messageStreams, messages, messageTree } from "./rows.ts";

/** Where the message an event changed lives, or null when it changed none. */
async function changedMessage(
  event: MessagesEvent,
  rows: RowStore,
): Promise<{ streamId: string; seq: number } | null> {
  switch (event.type) {
    case "ConversationStarted":
      return null;
    case "UserMessageSent":
    case "AgentInitiatedMessage":
    case "ImageRequestGranted":
    case "ImageRequestDeclined":
      return { streamId: event.streamId, seq: event.revision };
    // A change of path moves many rows: readers follow the event itself, not a notice per row.
    case "ActivePathChanged":
      return null;
    case "MessageHidden":
    case "MessageUnhidden": {
      const node = await messageTree.get(rows, { stream_id: event.streamId, node_id: event.data.messageId });
      return node ? { streamId: event.streamId, seq: node.seq } : null;
    }
    case "AgentReplyStarted":
    case "AgentReplyCompleted":
    case "AgentReplyFailed": {
      const seq = await replySeq(rows, event.streamId, event.data.replyId);
      return seq === null ? null : { streamId: event.streamId, seq };
    }
    case "ImageJobRequested":
    case "ImageJobSubmitted":
    case "ImageJobProgressed":
    case "ImageJobSucceeded":
    case "ImageJobRetryScheduled":
    case "ImageJobFailed": {
      const job = await messageImageJobs.get(rows, { image_job_id: event.data.imageJobId });
      return job?.stream_id && job.seq !== null ? { streamId: job.stream_id, seq: job.seq } : null;
    }
    default:
      return assertNever(event);
  }
}

/**
 * `message.upserted` on the conversation's topic: the message as the API shows it, with the
 * conversation it belongs to and the event that changed it.
 */
export async function notifyMessage(event: MessagesEvent, rows: RowStore): Promise<Notice[]> {
  const at = await changedMessage(event, rows);
  if (!at) return [];
  const stream = await messageStreams.get(rows, { stream_id: at.streamId });
  const row = await messages.get(rows, { stream_id: at.streamId, seq: at.seq });
  if (!stream || !row) return [];
  const payload = {
    ...toMessageView(messageRow.parse(row)),
    userId: stream.user_id,
    agentId: stream.agent_id,
    conversationStreamId: at.streamId,
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
  };
  return [
    notice(topics.conversation(stream.user_id, stream.agent_id), { kind: "message.upserted", payload }),
  ];
}
