import { assertNever } from "../../src/domain/shared/decider.ts";
import { defineProjection, type RowStore } from "../runner/projection.ts";
import { conversationTypes, type MessagesEvent } from "./events.ts";
import { evolveKnown } from "./evolveKnown.ts";
import { evolveImageJob, grantImage, imageJobTypes } from "./imageJobs.ts";
import { declinedNote, initiatedMessage, newStream, userMessage } from "./messageRows.ts";
import { notifyMessage } from "./notify.ts";
import { failReply, startReply, updateReply } from "./replies.ts";
import { messageImageJobs, messageStreams, messages, messageTree } from "./rows.ts";
import { attachMessage, attachToTurn, changePath, setHidden } from "./tree.ts";

/**
 * The chat timeline of each conversation, ordered by `seq`; images follow their image jobs. The
 * conversation is a tree: each row knows its parent and whether it is on the active path, which
 * a partial index serves page by page.
 */
export const messagesProjection = defineProjection({
  name: "messages",
  // 2: the tree (parents, siblings, the active path, hidden messages).
  version: 2,
  tables: [
    {
      name: messages.name,
      columns: `stream_id text not null, seq int not null, message_id text not null, kind text not null,
        role text not null, text text, status text not null, client_message_id text, in_reply_to text,
        attempt int, failure_reason text, retryable boolean, trigger text, life_event_id text,
        image_job_id text, image_url text, image_width int, image_height int, image_prompt text,
        decline_reason text, created_at timestamptz not null, updated_at timestamptz not null,
        parent_id text, on_path boolean not null, hidden boolean not null`,
      primaryKey: ["stream_id", "seq"],
      indexes: ["(stream_id, seq) where on_path"],
      // Pages of the path and memory facts' sources; the message texts are never planned on.
      statistics: ["stream_id", "seq", "message_id", "on_path", "hidden"],
    },
    {
      name: messageStreams.name,
      columns: `stream_id text not null, user_id text not null, agent_id text not null, reply_id text,
        reply_seq int, failed_replies jsonb not null, leaf_id text, roots jsonb not null`,
      primaryKey: ["stream_id"],
    },
    {
      name: messageTree.name,
      columns: `stream_id text not null, node_id text not null, parent_id text, depth int not null,
        seq int not null, sibling_index int not null, children jsonb not null, image_seqs jsonb not null,
        on_path boolean not null, hidden boolean not null`,
      primaryKey: ["stream_id", "node_id"],
      indexes: ["(stream_id, parent_id, sibling_index)"],
      statistics: ["stream_id", "node_id", "parent_id", "sibling_index", "hidden"],
    },
    {
      name: messageImageJobs.name,
      columns: `image_job_id text not null, stream_id text, seq int, status text not null, attempt int,
        url text, width int, height int, failure_reason text, retryable boolean, updated_at timestamptz`,
      primaryKey: ["image_job_id"],
    },
  ],
  canHandle: [...conversationTypes, ...imageJobTypes],
  // Without a promise whenever the rows are known: nearly every event of a rebuild.
  evolve: (event, rows) =>
    evolveKnown(event as MessagesEvent, rows) ? undefined : evolve(event as MessagesEvent, rows),
  notify: (event, rows) => notifyMessage(event as MessagesEvent, rows),
});

async function evolve(event: MessagesEvent, rows: RowStore): Promise<void> {
  const stream = event.streamId;
  const seq = event.revision;
  switch (event.type) {
    case "ConversationStarted":
      messageStreams.put(rows, newStream(stream, event.data));
      return;
    case "UserMessageSent": {
      const { messageId, parentId } = event.data;
      const place = await attachMessage(rows, stream, { id: messageId, parentId, seq });
      messages.put(rows, userMessage(stream, seq, event.data, place));
      return;
    }
    case "AgentReplyStarted":
      return startReply(event.data, stream, seq, rows);
    case "AgentReplyCompleted": {
      const { replyId, text, completedAt } = event.data;
      await updateReply(rows, stream, replyId, { status: "completed", text, updated_at: completedAt });
      return;
    }
    case "AgentReplyFailed":
      return failReply(event.data, stream, rows);
    case "ImageRequestGranted":
      return grantImage(event.data, stream, seq, rows);
    case "ImageRequestDeclined": {
      const place = await attachToTurn(rows, stream, event.data.causedBy, seq);
      messages.put(rows, declinedNote(stream, seq, event.data, place));
      return;
    }
    case "AgentInitiatedMessage": {
      const { messageId, parentId } = event.data;
      const place = await attachMessage(rows, stream, { id: messageId, parentId, seq });
      messages.put(rows, initiatedMessage(stream, seq, event.data, place));
      return;
    }
    case "ActivePathChanged":
      return changePath(rows, stream, event.data.leafId);
    case "MessageHidden":
    case "MessageUnhidden":
      await setHidden(rows, stream, event.data.messageId, event.type === "MessageHidden");
      return;
    case "ImageJobRequested":
    case "ImageJobSubmitted":
    case "ImageJobProgressed":
    case "ImageJobSucceeded":
    case "ImageJobRetryScheduled":
    case "ImageJobFailed":
      return evolveImageJob(event, rows);
    default:
      return assertNever(event);
  }
}
