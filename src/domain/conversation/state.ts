import { Map as ImmutableMap } from "immutable";
import type { MoodState } from "../shared/mood.ts";
import { type ConversationTree, emptyTree } from "./tree.ts";

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
  /** The message this one is an edit of (null for a plain message): part of what a retry must repeat. */
  edits: string | null;
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

/** The selfie gating counters of a path. */
export interface ImageRequestsState {
  /** Per UTC day ("YYYY-MM-DD"), the last few days only. */
  perDay: Readonly<Record<string, { granted: number; declined: number }>>;
  lastGrantedAt: string | null;
}

/** Long-term memory bookkeeping of a path. */
export interface MemoryState {
  /** The last stream revision a summary on this path covers. */
  lastCoveredRevision: number | null;
  /** Messages on this path not yet covered by a summary. */
  unsummarizedMessages: number;
}

/**
 * What a path through the conversation decides: how the agent feels toward the person, what it
 * still owes them, how many selfies it sent and what it has summarised. Every message keeps the
 * PathState after it (see `MessageNode.state`), and the conversation's own fields of this shape
 * are those of its active leaf.
 *
 * The state after message N is the fold, in stream order, of the events that belong to the path
 * from the root to N: the messages on it, the reply events of the replies on it, and every
 * mood, affinity, image or memory event whose `causedBy` is on it.
 */
export interface PathState {
  mood: MoodState | null;
  affinity: number;
  /** Affinity moved since the last user message on the path. */
  affinityThisTurn: number;
  unanswered: readonly UnansweredMessage[];
  imageRequests: ImageRequestsState;
  memory: MemoryState;
}

export interface ConversationState extends PathState {
  started: boolean;
  userId: string | null;
  agentId: string | null;
  startedAt: string | null;
  /** Revision of the last event folded: -1 before the first. */
  revision: number;
  /** Activity across every branch (what the person and the agent wrote, and when). */
  messageCount: number;
  userMessageCount: number;
  agentMessageCount: number;
  lastUserMessageAt: string | null;
  lastAgentMessageAt: string | null;
  initiationsSinceUserMessage: number;
  lastInitiatedAt: string | null;
  /** Idempotency records, conversation-wide. */
  recentUserMessages: readonly SentMessage[];
  replies: readonly ReplyRecord[];
  decidedImageRequestIds: readonly string[];
  summaryIds: readonly string[];
  /** The person's requests that changed the tree (client request id → what was asked), so a retry writes nothing. */
  handledRequests: ImmutableMap<string, string>;
  /** Every message with its parent, children and the state after it; the active path. */
  tree: ConversationTree;
  /** The last message of the active path: what the person sees ends here, and new messages follow it. */
  activeLeafId: string | null;
}

export function initialPathState(): PathState {
  return {
    mood: null,
    affinity: 0,
    affinityThisTurn: 0,
    unanswered: [],
    imageRequests: { perDay: {}, lastGrantedAt: null },
    memory: { lastCoveredRevision: null, unsummarizedMessages: 0 },
  };
}

export function initialConversationState(): ConversationState {
  return {
    ...initialPathState(),
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
    initiationsSinceUserMessage: 0,
    lastInitiatedAt: null,
    recentUserMessages: [],
    replies: [],
    decidedImageRequestIds: [],
    summaryIds: [],
    handledRequests: ImmutableMap(),
    tree: emptyTree(),
    activeLeafId: null,
  };
}

/** The fields of the state that belong to the active path. */
export function pathStateOf(state: PathState): PathState {
  const { mood, affinity, affinityThisTurn, unanswered, imageRequests, memory } = state;
  return { mood, affinity, affinityThisTurn, unanswered, imageRequests, memory };
}
