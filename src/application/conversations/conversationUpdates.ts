import { OrderedMap } from "immutable";
import type {
  ConversationEvent,
  ImageDeclineReason,
  ReplyFailureReason,
} from "../../domain/conversation/events.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { type MessageRecord, messageRecord } from "./messageRecord.ts";
import { followLeaf, type TreeUpdate, treeUpdate } from "./treeUpdates.ts";

/** What a stored conversation event means to a client watching the conversation. */
export type ConversationUpdate =
  | { kind: "messageAdded"; revision: number; message: MessageRecord }
  | { kind: "replyStarted"; revision: number; replyId: string; inReplyTo: string; attempt: number }
  | { kind: "replyCompleted"; revision: number; replyId: string; message: MessageRecord }
  | {
      kind: "replyFailed";
      revision: number;
      replyId: string;
      inReplyTo: string;
      reason: ReplyFailureReason;
      message: string;
      retryable: boolean;
    }
  | {
      kind: "stateChanged";
      revision: number;
      mood: MoodState;
      affinity: number;
      affinityDelta: number | null;
      reason: string;
    }
  | { kind: "imageRequestGranted"; revision: number; imageJobId: string; inReplyTo: string }
  | { kind: "imageRequestDeclined"; revision: number; reason: ImageDeclineReason; inReplyTo: string }
  | TreeUpdate;

/** Mood and affinity as of the events read so far (the mood starts at the agent's baseline), and where replies started. */
export interface RunningState {
  mood: MoodState;
  affinity: number;
  /** Persistent, so a copy of the state (one per new subscriber) costs nothing however long the conversation. */
  replyStarts: OrderedMap<string, { seq: number; attempt: number; inReplyToId: string; startedAt: string }>;
  /** The end of the active path: where a message written without a parent (version 1) goes. */
  leafId?: string | null;
  /** The agent's mood before anything shifted it, for a path that has no mood of its own. */
  baseline?: MoodState;
}

export function runningState(baseline: MoodState): RunningState {
  return { mood: baseline, affinity: 0, replyStarts: OrderedMap(), leafId: null, baseline };
}

/** Folds one conversation event into the running state and says what it means; null for bookkeeping events. */
export function conversationUpdate(
  event: ConversationEvent,
  revision: number,
  running: RunningState,
): ConversationUpdate | null {
  switch (event.type) {
    case "UserMessageSent": {
      const { messageId, clientMessageId, text, sentAt } = event.data;
      const added = messageRecord({
        seq: revision,
        messageId,
        kind: "user",
        text,
        createdAt: sentAt,
        clientMessageId,
        parentId: followLeaf(running, messageId, event.data.parentId),
      });
      return { kind: "messageAdded", revision, message: added };
    }
    case "AgentInitiatedMessage": {
      const { messageId, text, sentAt } = event.data;
      const parentId = followLeaf(running, messageId, event.data.parentId);
      return {
        kind: "messageAdded",
        revision,
        message: messageRecord({
          seq: revision,
          messageId,
          kind: "initiated",
          text,
          createdAt: sentAt,
          parentId,
        }),
      };
    }
    case "AgentReplyStarted": {
      const { replyId, inReplyTo, attempt } = event.data;
      // A retry answers in the same place in the timeline as the first attempt; a regenerated reply is new.
      const { retryOf, regenerates } = event.data;
      const first = retryOf
        ? (running.replyStarts.get(retryOf) ?? firstStart(running, inReplyTo))
        : attempt > 1 && !regenerates
          ? firstStart(running, inReplyTo)
          : undefined;
      if (!retryOf) followLeaf(running, replyId, event.data.parentId);
      running.replyStarts = running.replyStarts.set(replyId, {
        seq: first?.seq ?? revision,
        attempt,
        inReplyToId: inReplyTo,
        startedAt: event.data.startedAt,
      });
      return { kind: "replyStarted", revision, replyId, inReplyTo, attempt };
    }
    case "AgentReplyCompleted": {
      const { replyId, inReplyTo, text, completedAt } = event.data;
      const start = running.replyStarts.get(replyId);
      const reply = messageRecord({
        seq: start?.seq ?? revision,
        messageId: replyId,
        kind: "reply",
        text,
        createdAt: start?.startedAt ?? completedAt,
        updatedAt: completedAt,
        inReplyTo,
        attempt: start?.attempt ?? 1,
      });
      return { kind: "replyCompleted", revision, replyId, message: reply };
    }
    case "AgentReplyFailed": {
      const { replyId, inReplyTo, reason, message, retryable } = event.data;
      return { kind: "replyFailed", revision, replyId, inReplyTo, reason, message, retryable };
    }
    case "MoodShifted":
      running.mood = { mood: event.data.mood, intensity: event.data.intensity };
      return {
        kind: "stateChanged",
        revision,
        mood: running.mood,
        affinity: running.affinity,
        affinityDelta: null,
        reason: event.data.reason,
      };
    case "AffinityChanged":
      running.affinity = event.data.value;
      return {
        kind: "stateChanged",
        revision,
        mood: running.mood,
        affinity: running.affinity,
        affinityDelta: event.data.delta,
        reason: event.data.reason,
      };
    case "ImageRequestGranted":
      return {
        kind: "imageRequestGranted",
        revision,
        imageJobId: event.data.imageJobId,
        inReplyTo: event.data.inReplyTo,
      };
    case "ImageRequestDeclined":
      return {
        kind: "imageRequestDeclined",
        revision,
        reason: event.data.reason,
        inReplyTo: event.data.inReplyTo,
      };
    case "ActivePathChanged":
    case "MessageHidden":
    case "MessageUnhidden":
      return treeUpdate(event, revision, running);
    case "ConversationStarted":
    case "MemorySummarized":
    // Remembered facts are listed by the memories query, not announced with the messages.
    case "MemoryFactRecorded":
    case "MemoryFactCorrected":
    case "MemoryFactForgotten":
    case "MemorySummariesWithdrawn":
      return null;
    default:
      return assertNever(event);
  }
}

/** The earliest reply start to a message; looked up only for retries, so folding a long stream stays linear. */
function firstStart(running: RunningState, inReplyTo: string) {
  for (const start of running.replyStarts.values()) if (start.inReplyToId === inReplyTo) return start;
  return undefined;
}
