import { assertNever } from "../shared/decider.ts";
import { fingerprint } from "../shared/text.ts";
import { utcDayKey } from "../shared/time.ts";
import type { ConversationEvent } from "./events.ts";
import {
  type ConversationState,
  IMAGE_DAYS_KEPT,
  type ImageRequestsState,
  RECENT_IMAGE_DECISIONS,
  RECENT_REPLIES,
  RECENT_USER_MESSAGES,
  type ReplyRecord,
} from "./state.ts";

export function evolveConversation(previous: ConversationState, event: ConversationEvent): ConversationState {
  const state = { ...previous, revision: previous.revision + 1 };
  switch (event.type) {
    case "ConversationStarted":
      return { ...state, started: true, ...event.data };
    case "UserMessageSent": {
      const { messageId, clientMessageId, text, sentAt } = event.data;
      const sent = { messageId, clientMessageId, textFingerprint: fingerprint(text), sentAt };
      const waiting = {
        messageId,
        sentAt,
        status: "waiting",
        attempts: 0,
        replyId: null,
        retryable: true,
      } as const;
      return {
        ...counted(state, sentAt, "user"),
        recentUserMessages: [...state.recentUserMessages, sent].slice(-RECENT_USER_MESSAGES),
        unanswered: [...state.unanswered, waiting],
        affinityThisTurn: 0,
        initiationsSinceUserMessage: 0,
      };
    }
    case "AgentReplyStarted": {
      const { replyId, inReplyTo, attempt } = event.data;
      return {
        ...state,
        unanswered: state.unanswered.map((m) =>
          m.messageId === inReplyTo ? { ...m, status: "replying", attempts: attempt, replyId } : m,
        ),
        replies: [...state.replies, { replyId, inReplyTo, attempt, status: "started" } as const].slice(
          -RECENT_REPLIES,
        ),
      };
    }
    case "AgentReplyCompleted": {
      const { replyId, inReplyTo, completedAt } = event.data;
      const index = state.unanswered.findIndex((m) => m.messageId === inReplyTo);
      // Answering a message also settles the failed ones before it: the reply saw them in the history.
      const unanswered = state.unanswered.filter(
        (m, i) => !(i === index || (i < index && m.status === "failed")),
      );
      return {
        ...counted(state, completedAt, "agent"),
        unanswered,
        replies: withReplyStatus(state, replyId, "completed"),
      };
    }
    case "AgentReplyFailed": {
      const { replyId, inReplyTo, retryable } = event.data;
      return {
        ...state,
        unanswered: state.unanswered.map((m) =>
          m.messageId === inReplyTo ? { ...m, status: "failed", retryable } : m,
        ),
        replies: withReplyStatus(state, replyId, "failed"),
      };
    }
    case "MoodShifted":
      return { ...state, mood: { mood: event.data.mood, intensity: event.data.intensity } };
    case "AffinityChanged":
      return {
        ...state,
        affinity: event.data.value,
        affinityThisTurn: state.affinityThisTurn + event.data.delta,
      };
    case "ImageRequestGranted":
      return {
        ...state,
        imageRequests: withImageDecision(
          state.imageRequests,
          event.data.requestId,
          event.data.grantedAt,
          "granted",
        ),
      };
    case "ImageRequestDeclined":
      return {
        ...state,
        imageRequests: withImageDecision(
          state.imageRequests,
          event.data.requestId,
          event.data.declinedAt,
          "declined",
        ),
      };
    case "MemorySummarized": {
      const { summaryId, coversToRevision, messageCount } = event.data;
      const memory = state.memory;
      return {
        ...state,
        memory: {
          lastCoveredRevision: coversToRevision,
          summaryIds: [...memory.summaryIds, summaryId].slice(-RECENT_REPLIES),
          unsummarizedMessages: Math.max(0, memory.unsummarizedMessages - messageCount),
        },
      };
    }
    case "AgentInitiatedMessage":
      return {
        ...counted(state, event.data.sentAt, "agent"),
        initiationsSinceUserMessage: state.initiationsSinceUserMessage + 1,
        lastInitiatedAt: event.data.sentAt,
      };
    default:
      return assertNever(event);
  }
}

function counted(state: ConversationState, at: string, author: "user" | "agent"): ConversationState {
  const memory = { ...state.memory, unsummarizedMessages: state.memory.unsummarizedMessages + 1 };
  return author === "user"
    ? {
        ...state,
        messageCount: state.messageCount + 1,
        userMessageCount: state.userMessageCount + 1,
        lastUserMessageAt: at,
        memory,
      }
    : {
        ...state,
        messageCount: state.messageCount + 1,
        agentMessageCount: state.agentMessageCount + 1,
        lastAgentMessageAt: at,
        memory,
      };
}

function withReplyStatus(
  state: ConversationState,
  replyId: string,
  status: ReplyRecord["status"],
): ReplyRecord[] {
  return state.replies.map((r) => (r.replyId === replyId ? { ...r, status } : r));
}

function withImageDecision(
  requests: ImageRequestsState,
  requestId: string,
  at: string,
  outcome: "granted" | "declined",
): ImageRequestsState {
  const day = utcDayKey(at);
  const today = requests.perDay[day] ?? { granted: 0, declined: 0 };
  const days = Object.entries({ ...requests.perDay, [day]: { ...today, [outcome]: today[outcome] + 1 } })
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-IMAGE_DAYS_KEPT);
  return {
    decidedRequestIds: [...requests.decidedRequestIds, requestId].slice(-RECENT_IMAGE_DECISIONS),
    perDay: Object.fromEntries(days),
    lastGrantedAt: outcome === "granted" ? at : requests.lastGrantedAt,
  };
}
