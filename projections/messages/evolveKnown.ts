import { assertNever } from "../../src/domain/shared/decider.ts";
import type { RowStore } from "../runner/projection.ts";
import type { MessagesEvent } from "./events.ts";
import { evolveImageJobKnown, grantImageKnown } from "./imageJobs.ts";
import { declinedNote, initiatedMessage, newStream, userMessage } from "./messageRows.ts";
import { failReplyKnown, startReplyKnown, updateReplyKnown } from "./replies.ts";
import { messageStreams, messages } from "./rows.ts";
import { attachMessageKnown, attachToTurnKnown } from "./tree.ts";

/**
 * The event applied without a promise, as nearly every event of a rebuild can be: every row it
 * reads is in the batch or the cache. False, having written nothing, when a row has to be read
 * or the event moves the path (retries, path changes, hiding): then the event is evolved as usual.
 */
export function evolveKnown(event: MessagesEvent, rows: RowStore): boolean {
  const stream = event.streamId;
  const seq = event.revision;
  switch (event.type) {
    case "ConversationStarted":
      messageStreams.put(rows, newStream(stream, event.data));
      return true;
    case "UserMessageSent": {
      const { messageId, parentId } = event.data;
      const place = attachMessageKnown(rows, stream, { id: messageId, parentId, seq });
      if (!place) return false;
      messages.put(rows, userMessage(stream, seq, event.data, place));
      return true;
    }
    case "AgentReplyStarted":
      return startReplyKnown(event.data, stream, seq, rows);
    case "AgentReplyCompleted": {
      const { replyId, text, completedAt } = event.data;
      const changes = { status: "completed" as const, text, updated_at: completedAt };
      return updateReplyKnown(rows, stream, replyId, changes) !== undefined;
    }
    case "AgentReplyFailed":
      return failReplyKnown(event.data, stream, rows);
    case "ImageRequestGranted":
      return grantImageKnown(event.data, stream, seq, rows);
    case "ImageRequestDeclined": {
      const place = attachToTurnKnown(rows, stream, event.data.causedBy, seq);
      if (!place) return false;
      messages.put(rows, declinedNote(stream, seq, event.data, place));
      return true;
    }
    case "AgentInitiatedMessage": {
      const { messageId, parentId } = event.data;
      const place = attachMessageKnown(rows, stream, { id: messageId, parentId, seq });
      if (!place) return false;
      messages.put(rows, initiatedMessage(stream, seq, event.data, place));
      return true;
    }
    case "ActivePathChanged":
    case "MessageHidden":
    case "MessageUnhidden":
      return false;
    case "ImageJobRequested":
    case "ImageJobSubmitted":
    case "ImageJobProgressed":
    case "ImageJobSucceeded":
    case "ImageJobRetryScheduled":
    case "ImageJobFailed":
      return evolveImageJobKnown(event, rows);
    default:
      return assertNever(event);
  }
}
