import { assertNever } from "../shared/decider.ts";
import { withNewest } from "../shared/recent.ts";
import { fingerprint } from "../shared/text.ts";
import type { AgentReplyStarted, ConversationEvent } from "./events.ts";
import { evolveMemoryFacts } from "./memoryFacts.ts";
import {
  afterAffinityChange,
  afterAgentMessage,
  afterImageDecision,
  afterMoodShift,
  afterReplyCompleted,
  afterReplyFailed,
  afterReplyStarted,
  afterUserMessage,
} from "./pathEffects.ts";
import { withUserMessage } from "./recentUserMessages.ts";
import {
  type ConversationState,
  type PathState,
  RECENT_IMAGE_DECISIONS,
  RECENT_REPLIES,
  type ReplyRecord,
} from "./state.ts";
import {
  addMessage,
  changeFrom,
  remembered,
  requestFingerprint,
  summaryFrom,
  synced,
} from "./stateChanges.ts";
import { moveLeaf, patchNode, renameNode } from "./tree.ts";

export function evolveConversation(previous: ConversationState, event: ConversationEvent): ConversationState {
  const state = { ...previous, revision: previous.revision + 1 };
  switch (event.type) {
    case "ConversationStarted": {
      // An imported chat's header is kept in the event for export, not in the state.
      const { userId, agentId, startedAt } = event.data;
      return { ...state, started: true, userId, agentId, startedAt };
    }
    case "UserMessageSent": {
      const { messageId, clientMessageId, text, sentAt, parentId, edits } = event.data;
      const sent = {
        messageId,
        clientMessageId,
        textFingerprint: fingerprint(text),
        sentAt,
        edits: edits ?? null,
        revision: state.revision,
      };
      return addMessage(
        {
          ...state,
          messageCount: state.messageCount + 1,
          userMessageCount: state.userMessageCount + 1,
          lastUserMessageAt: sentAt,
          ...withUserMessage(state, sent),
          initiationsSinceUserMessage: 0,
        },
        { id: messageId, parentId, kind: "user", inReplyTo: null, status: "sent" },
        (path) => afterUserMessage(path, messageId, sentAt),
      );
    }
    case "AgentReplyStarted":
      return replyStarted(state, event.data);
    case "AgentReplyCompleted": {
      const { replyId, inReplyTo, completedAt } = event.data;
      const finished = {
        ...state,
        messageCount: state.messageCount + 1,
        agentMessageCount: state.agentMessageCount + 1,
        lastAgentMessageAt: completedAt,
        replies: withReplyStatus(state, replyId, "completed"),
        tree: patchNode(state.tree, replyId, { status: "completed" }),
      };
      return changeFrom(finished, replyId, (path) => afterReplyCompleted(path, inReplyTo));
    }
    case "AgentReplyFailed": {
      const { replyId, inReplyTo, retryable } = event.data;
      const failed = {
        ...state,
        replies: withReplyStatus(state, replyId, "failed"),
        tree: patchNode(state.tree, replyId, { status: "failed" }),
      };
      return changeFrom(failed, replyId, (path) => afterReplyFailed(path, inReplyTo, retryable));
    }
    case "MoodShifted": {
      const { mood, intensity, causedBy } = event.data;
      return changeFrom(state, causedBy, (path) => afterMoodShift(path, { mood, intensity }));
    }
    case "AffinityChanged": {
      const { delta, value, causedBy } = event.data;
      return changeFrom(
        state,
        causedBy,
        (path) => afterAffinityChange(path, { delta, value }),
        (path) => afterAffinityChange(path, { delta }),
      );
    }
    case "ImageRequestGranted":
    case "ImageRequestDeclined": {
      const { requestId, causedBy } = event.data;
      const at = event.type === "ImageRequestGranted" ? event.data.grantedAt : event.data.declinedAt;
      const outcome = event.type === "ImageRequestGranted" ? "granted" : "declined";
      const decided = {
        ...state,
        decidedImageRequestIds: withNewest(state.decidedImageRequestIds, requestId, RECENT_IMAGE_DECISIONS),
      };
      return changeFrom(decided, causedBy, (path) => afterImageDecision(path, at, outcome));
    }
    case "MemorySummarized": {
      const { summaryId, coversToRevision, messageCount, causedBy } = event.data;
      const recorded = { ...state, summaryIds: withNewest(state.summaryIds, summaryId, RECENT_REPLIES) };
      // A rewrite stands in for a summary whose stretch was counted already.
      if (event.data.rewrites !== undefined) return recorded;
      return summaryFrom(recorded, causedBy, { coversToRevision, messageCount });
    }
    case "AgentInitiatedMessage": {
      const { messageId, sentAt, parentId } = event.data;
      return addMessage(
        {
          ...state,
          messageCount: state.messageCount + 1,
          agentMessageCount: state.agentMessageCount + 1,
          lastAgentMessageAt: sentAt,
          initiationsSinceUserMessage: state.initiationsSinceUserMessage + 1,
          lastInitiatedAt: sentAt,
        },
        { id: messageId, parentId, kind: "initiated", inReplyTo: null, status: "sent" },
        afterAgentMessage,
      );
    }
    case "ActivePathChanged": {
      const { leafId, via, messageId, clientRequestId } = event.data;
      const asked = remembered(state, clientRequestId, requestFingerprint(via, messageId));
      if (leafId !== null && !asked.tree.nodes.has(leafId)) return asked;
      return synced({ ...asked, tree: moveLeaf(asked.tree, leafId) });
    }
    case "MessageHidden":
    case "MessageUnhidden": {
      const { messageId, clientRequestId } = event.data;
      const hidden = event.type === "MessageHidden";
      const asked = remembered(
        state,
        clientRequestId,
        requestFingerprint(hidden ? "hide" : "unhide", messageId),
      );
      return { ...asked, tree: patchNode(asked.tree, messageId, { hidden }) };
    }
    case "MemoryFactRecorded":
    case "MemoryFactCorrected":
    case "MemoryFactForgotten":
    case "MemorySummariesWithdrawn":
      return { ...state, memoryFacts: evolveMemoryFacts(state.memoryFacts, event) };
    default:
      return assertNever(event);
  }
}

/**
 * A first attempt is a new message under its parent; a retry takes the failed attempt's place
 * (same parent, same place among its siblings, same children).
 */
function replyStarted(state: ConversationState, data: AgentReplyStarted["data"]): ConversationState {
  const { replyId, inReplyTo, attempt, parentId, retryOf } = data;
  const record = { replyId, inReplyTo, attempt, status: "started" } as const;
  const next: ConversationState = { ...state, replies: withNewest(state.replies, record, RECENT_REPLIES) };
  const started = (path: PathState) => afterReplyStarted(path, { replyId, inReplyTo, attempt });
  const failed =
    retryOf ??
    (attempt > 1
      ? state.unanswered.find((m) => m.messageId === inReplyTo && m.status === "failed")?.replyId
      : undefined);
  if (failed && state.tree.nodes.has(failed)) {
    const tree = patchNode(renameNode(next.tree, failed, replyId), replyId, { status: "streaming" });
    return changeFrom({ ...next, tree }, replyId, started);
  }
  return addMessage(next, { id: replyId, parentId, kind: "reply", inReplyTo, status: "streaming" }, started);
}

function withReplyStatus(
  state: ConversationState,
  replyId: string,
  status: ReplyRecord["status"],
): readonly ReplyRecord[] {
  // Newest first: the reply that ends is nearly always the latest, and no id is used twice.
  const index = state.replies.findLastIndex((r) => r.replyId === replyId);
  if (index === -1) return state.replies;
  return state.replies.with(index, { ...state.replies[index]!, status });
}
