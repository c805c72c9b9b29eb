import type { MoodState } from "../shared/mood.ts";
import { utcDayKey } from "../shared/time.ts";
import { AFFINITY_MAX, AFFINITY_MIN } from "./events.ts";
import { IMAGE_DAYS_KEPT, type ImageRequestsState, type PathState } from "./state.ts";

/**
 * How each event changes the state of a path. The same change applies to the message the event
 * belongs to and to every message after it, so each is written for any state it may meet.
 */

export function afterUserMessage(state: PathState, messageId: string, sentAt: string): PathState {
  const waiting = {
    messageId,
    sentAt,
    status: "waiting",
    attempts: 0,
    replyId: null,
    retryable: true,
  } as const;
  return {
    ...counted(state),
    unanswered: [...state.unanswered, waiting],
    affinityThisTurn: 0,
  };
}

export function afterAgentMessage(state: PathState): PathState {
  return counted(state);
}

export function afterReplyStarted(
  state: PathState,
  reply: { replyId: string; inReplyTo: string; attempt: number },
): PathState {
  return {
    ...state,
    unanswered: state.unanswered.map((m) =>
      m.messageId === reply.inReplyTo
        ? { ...m, status: "replying", attempts: reply.attempt, replyId: reply.replyId }
        : m,
    ),
  };
}

/** Nothing owed: shared by most messages' states. */
const NOTHING_OWED: PathState["unanswered"] = Object.freeze([]);

/** Answering a message also settles the failed ones before it: the reply saw them in the history. */
export function afterReplyCompleted(state: PathState, inReplyTo: string): PathState {
  const index = state.unanswered.findIndex((m) => m.messageId === inReplyTo);
  const unanswered = state.unanswered.filter(
    (m, i) => !(i === index || (i < index && m.status === "failed")),
  );
  return { ...counted(state), unanswered: unanswered.length === 0 ? NOTHING_OWED : unanswered };
}

export function afterReplyFailed(state: PathState, inReplyTo: string, retryable: boolean): PathState {
  return {
    ...state,
    unanswered: state.unanswered.map((m) =>
      m.messageId === inReplyTo ? { ...m, status: "failed", retryable } : m,
    ),
  };
}

export function afterMoodShift(state: PathState, mood: MoodState): PathState {
  return { ...state, mood };
}

/**
 * The message the change belongs to takes the value it was decided at; the messages after it,
 * whose affinity may have moved since, take the delta, within the bounds.
 */
export function afterAffinityChange(state: PathState, change: { delta: number; value?: number }): PathState {
  const value = change.value ?? Math.min(AFFINITY_MAX, Math.max(AFFINITY_MIN, state.affinity + change.delta));
  return { ...state, affinity: value, affinityThisTurn: state.affinityThisTurn + change.delta };
}

export function afterImageDecision(state: PathState, at: string, outcome: "granted" | "declined"): PathState {
  return { ...state, imageRequests: withImageDecision(state.imageRequests, at, outcome) };
}

export function afterSummary(state: PathState, coversToRevision: number, messageCount: number): PathState {
  return {
    ...state,
    memory: {
      lastCoveredRevision: Math.max(coversToRevision, state.memory.lastCoveredRevision ?? -1),
      unsummarizedMessages: Math.max(0, state.memory.unsummarizedMessages - messageCount),
    },
  };
}

function counted(state: PathState): PathState {
  return {
    ...state,
    memory: { ...state.memory, unsummarizedMessages: state.memory.unsummarizedMessages + 1 },
  };
}

function withImageDecision(
  requests: ImageRequestsState,
  at: string,
  outcome: "granted" | "declined",
): ImageRequestsState {
  const day = utcDayKey(at);
  const today = requests.perDay[day] ?? { granted: 0, declined: 0 };
  const days = Object.entries({ ...requests.perDay, [day]: { ...today, [outcome]: today[outcome] + 1 } })
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-IMAGE_DAYS_KEPT);
  return {
    perDay: Object.fromEntries(days),
    lastGrantedAt: outcome === "granted" ? at : requests.lastGrantedAt,
  };
}
