import type { MoodState } from "../shared/mood.ts";

/** A user message waiting for its answer; failed ones stay until retried or a later message is answered. */
export interface UnansweredMessage {
  messageId: string;
  sentAt: string;
  status: "waiting" | "replying" | "failed";
  attempts: number;
  replyId: string | null;
  retryable: boolean;
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

/** The fields of the state that belong to the active path. */
export function pathStateOf(state: PathState): PathState {
  const { mood, affinity, affinityThisTurn, unanswered, imageRequests, memory } = state;
  return { mood, affinity, affinityThisTurn, unanswered, imageRequests, memory };
}

/** The person's messages on a path still owed a reply: waiting or being answered (a failed one waits for a retry). */
export function awaitingReplies(state: PathState): number {
  return state.unanswered.filter((m) => m.status !== "failed").length;
}
