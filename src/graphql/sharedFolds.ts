import {
  type ConversationUpdate,
  conversationUpdate,
  type RunningState,
} from "../application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../application/eventLog.ts";
import type { ConversationEvent } from "../domain/conversation/events.ts";
import type { MoodState } from "../domain/shared/mood.ts";
import { sharedUpdate } from "./sharedUpdates.ts";

/** One stored event folded into one running state: the state it leaves and what it means. */
export interface Fold {
  before: RunningState;
  after: RunningState;
  update: ConversationUpdate | null;
}

/** The first fold of each stored event, while the event is held by anyone. */
const foldsOf = new WeakMap<object, Fold>();

/**
 * Folds a stored conversation event into a watcher's running state once for every watcher in the
 * same state, not once per watcher: the feed hands each event to all of a conversation's watchers
 * as one object, and watchers that have folded the same stream hold alike states, so the first
 * fold's resulting state and update serve the rest. After that their states are the same object,
 * so the next event's check costs one comparison. A watcher whose state differs folds on its own.
 * Running states are never changed in place: each fold starts from a copy.
 */
export function foldShared(event: WithmeStoredEvent, running: RunningState): Fold {
  const known = foldsOf.get(event);
  if (known && sameRunning(known.before, running)) return known;
  const after: RunningState = { ...running };
  // A conversation stream holds only conversation events.
  const update = conversationUpdate(event as ConversationEvent, event.revision, after);
  const fold = { before: running, after, update: update && sharedUpdate(event, update) };
  if (!known) foldsOf.set(event, fold);
  return fold;
}

function sameRunning(a: RunningState, b: RunningState): boolean {
  return (
    a === b ||
    (a.affinity === b.affinity &&
      (a.leafId ?? null) === (b.leafId ?? null) &&
      // Persistent and copied by reference, so watchers that share a history share the map.
      a.replyStarts === b.replyStarts &&
      sameMood(a.mood, b.mood) &&
      sameMood(a.baseline, b.baseline))
  );
}

function sameMood(a: MoodState | undefined, b: MoodState | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.mood === b.mood && a.intensity === b.intensity);
}
