import { Map as ImmutableMap } from "immutable";
import { initialPathState, type PathState } from "./pathState.ts";
import type { RememberedFact } from "./rememberedFact.ts";
import { type ConversationTree, emptyTree } from "./tree.ts";

export type { ImageRequestsState, MemoryState, PathState, UnansweredMessage } from "./pathState.ts";
export { awaitingReplies, initialPathState, pathStateOf } from "./pathState.ts";

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
  /** Where the message is stored in the stream, so a retried send reads that one event back. */
  revision: number;
}

export interface ReplyRecord {
  replyId: string;
  inReplyTo: string;
  attempt: number;
  status: "started" | "completed" | "failed";
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
  /** `recentUserMessages` by client id. */
  userMessagesByClientId: ImmutableMap<string, SentMessage>;
  replies: readonly ReplyRecord[];
  decidedImageRequestIds: readonly string[];
  summaryIds: readonly string[];
  /** The person's requests that changed the tree (client request id → what was asked), so a retry writes nothing. */
  handledRequests: ImmutableMap<string, string>;
  /** Every message with its parent, children and the state after it; the active path. */
  tree: ConversationTree;
  /** The facts remembered about the person, by id (forgotten ones stay, marked). */
  memoryFacts: ImmutableMap<string, RememberedFact>;
  /** The last message of the active path: what the person sees ends here, and new messages follow it. */
  activeLeafId: string | null;
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
    userMessagesByClientId: ImmutableMap(),
    replies: [],
    decidedImageRequestIds: [],
    summaryIds: [],
    handledRequests: ImmutableMap(),
    tree: emptyTree(),
    memoryFacts: ImmutableMap(),
    activeLeafId: null,
  };
}
