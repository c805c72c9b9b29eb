import type { MoodState } from "../shared/mood.ts";

/** How far back the state remembers ids. Older retries and decisions are out of reach by design. */
export const RECENT_USER_MESSAGES = 500;
export const RECENT_REPLIES = 200;
export const RECENT_IMAGE_DECISIONS = 200;
export const IMAGE_DAYS_KEPT = 7;

export interface SentMessage {
  messageId: string;
  clientMessageId: string;
  /** Fingerprint of the text, to tell a retry from a different message under the same client id. */
  textFingerprint: string;
  sentAt: string;
}

/** A user message waiting for its answer; failed ones stay until retried or a later message is answered. */
export interface UnansweredMessage {
  messageId: string;
  sentAt: string;
  status: "waiting" | "replying" | "failed";
  attempts: number;
  replyId: string | null;
  retryable: boolean;
}

export interface ReplyRecord {
  replyId: string;
  inReplyTo: string;
  attempt: number;
  status: "started" | "completed" | "failed";
}

export interface ImageRequestsState {
  decidedRequestIds: readonly string[];
  /** Per UTC day ("YYYY-MM-DD"), the last few days only. */
  perDay: Readonly<Record<string, { granted: number; declined: number }>>;
  lastGrantedAt: string | null;
}

export interface MemoryState {
  lastCoveredRevision: number | null;
  summaryIds: readonly string[];
  /** Messages not yet covered by a summary. */
  unsummarizedMessages: number;
}

export interface ConversationState {
  started: boolean;
  userId: string | null;
  agentId: string | null;
  startedAt: string | null;
  /** Revision of the last event folded: -1 before the first. */
  revision: number;
  messageCount: number;
  userMessageCount: number;
  agentMessageCount: number;
  lastUserMessageAt: string | null;
  lastAgentMessageAt: string | null;
  recentUserMessages: readonly SentMessage[];
  unanswered: readonly UnansweredMessage[];
  replies: readonly ReplyRecord[];
  mood: MoodState | null;
  affinity: number;
  /** Affinity moved since the last user message. */
  affinityThisTurn: number;
  imageRequests: ImageRequestsState;
  memory: MemoryState;
  initiationsSinceUserMessage: number;
  lastInitiatedAt: string | null;
}

export function initialConversationState(): ConversationState {
  return {
    started: false,
    userId: null,
    agentId: null,
    startedAt: null,
    revision: -1,
    messageCount: 0,
    userMessageCount: 0,
    agentMessageCount: 0,
    lastUserMessageAt: null,
    lastAgentMessageAt: null,
    recentUserMessages: [],
    unanswered: [],
    replies: [],
    mood: null,
    affinity: 0,
    affinityThisTurn: 0,
    imageRequests: { decidedRequestIds: [], perDay: {}, lastGrantedAt: null },
    memory: { lastCoveredRevision: null, summaryIds: [], unsummarizedMessages: 0 },
    initiationsSinceUserMessage: 0,
    lastInitiatedAt: null,
  };
}
