import { LRUCache } from "lru-cache";
import type { HistoryDeps } from "../application/conversations/conversationHistory.ts";
import {
  type ConversationUpdate,
  conversationUpdate,
  type RunningState,
  runningState,
} from "../application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../application/eventLog.ts";
import type { ConversationEvent } from "../domain/conversation/events.ts";
import type { MoodState } from "../domain/shared/mood.ts";

interface Snapshot {
  running: RunningState;
  /** The last revision folded in; -1 for a stream with no events yet. */
  revision: number;
  /** Image jobs granted so far, by the revision of their grant; finished ones are dropped. */
  grants: Map<string, number>;
  /** Until the first mood shift, the mood is the agent's baseline, which drifts on its own. */
  moodShifted: boolean;
  /** The latest updates, oldest first: every update after revision `recentAfter` is among them. */
  recent: ConversationUpdate[];
  recentAfter: number;
}

/** Updates a snapshot keeps, so a client reconnecting a little behind does not fold the stream from its start. */
export const RECENT_UPDATES = 256;

export interface SubscriptionStart {
  /** A private copy of mood, affinity and reply starts as of `cursor`. */
  running: RunningState;
  cursor: number;
  /** Stored updates after the revision the client asked from, oldest first. */
  updates: ConversationUpdate[];
  /** Image jobs granted at or before that revision that may still be in progress, with their grant's revision. */
  earlierGrants: { imageJobId: string; revision: number }[];
}

/**
 * Where a new conversation subscription starts, without every subscription folding the whole
 * stream again: one snapshot per conversation, brought forward by the events since it was taken
 * (one read at a time per stream), and copied for each subscriber. Only a client asking for
 * events from before the snapshot folds the stream from its start.
 */
export class ConversationSnapshots {
  readonly #cache: LRUCache<string, Snapshot>;
  readonly #refreshing = new Map<string, Promise<Snapshot>>();
  readonly #reads = new Map<string, { startedAt: number; events: Promise<WithmeStoredEvent[]> }>();

  constructor(max = 2_000) {
    this.#cache = new LRUCache({ max });
  }

  /** Drops the snapshots of every conversation `isGone` picks (an erased person's). */
  forgetWhere(isGone: (streamId: string) => boolean): void {
    for (const streamId of [...this.#cache.keys()]) if (isGone(streamId)) this.#cache.delete(streamId);
  }

  async start(
    deps: HistoryDeps,
    streamId: string,
    baseline: MoodState,
    afterRevision: number | null,
  ): Promise<SubscriptionStart> {
    const snapshot = await this.#current(deps, streamId, baseline);
    const fromSnapshot = afterRevision === null || snapshot.recentAfter <= afterRevision;
    const own = fromSnapshot ? copy(snapshot) : empty(baseline);
    if (!own.moodShifted) own.running.mood = baseline;
    const kept = afterRevision === null ? [] : own.recent.filter((u) => u.revision > afterRevision);
    const updates = [...kept, ...(await fold(deps, streamId, own, afterRevision))];
    const earlierGrants = [...own.grants]
      .filter(([, revision]) => afterRevision === null || revision <= afterRevision)
      .map(([imageJobId, revision]) => ({ imageJobId, revision }));
    return { running: own.running, cursor: own.revision, updates, earlierGrants };
  }

  /**
   * The stream's events from `fromRevision`, one read shared by every subscriber of the
   * conversation woken by the same change: a read in flight is joined only when it started no
   * earlier than `notBefore` (when the caller learned of the change), so it cannot miss it.
   */
  readStream(deps: HistoryDeps, streamId: string, fromRevision: number, notBefore: number) {
    const key = `${fromRevision}:${streamId}`;
    const inFlight = this.#reads.get(key);
    if (inFlight && inFlight.startedAt > notBefore) return inFlight.events;
    const read = { startedAt: performance.now(), events: deps.events.readStream(streamId, { fromRevision }) };
    this.#reads.set(key, read);
    const forget = () => {
      if (this.#reads.get(key) === read) this.#reads.delete(key);
    };
    read.events.then(forget, forget);
    return read.events;
  }

  /** The job has finished: new subscribers need not look at it again. */
  finished(streamId: string, imageJobId: string): void {
    this.#cache.get(streamId)?.grants.delete(imageJobId);
  }

  async #current(deps: HistoryDeps, streamId: string, baseline: MoodState): Promise<Snapshot> {
    const inFlight = this.#refreshing.get(streamId);
    if (inFlight) return inFlight;
    const refresh = (async () => {
      const cached = this.#cache.get(streamId);
      // The refreshed snapshot gets its own list of recent updates: the cached one is never changed.
      const next = cached ? { ...copy(cached), recent: [...cached.recent] } : empty(baseline);
      await fold(deps, streamId, next, null, true);
      this.#cache.set(streamId, next);
      return next;
    })();
    this.#refreshing.set(streamId, refresh);
    try {
      return await refresh;
    } finally {
      this.#refreshing.delete(streamId);
    }
  }
}

/**
 * Folds the stream's events after `into.revision` into it; returns the updates after
 * `afterRevision`. A shared snapshot also keeps the latest updates (`keepRecent`).
 */
async function fold(
  deps: HistoryDeps,
  streamId: string,
  into: Snapshot,
  afterRevision: number | null,
  keepRecent = false,
): Promise<ConversationUpdate[]> {
  const events = await deps.events.readStream(streamId, { fromRevision: into.revision + 1 });
  const updates: ConversationUpdate[] = [];
  for (const event of events) {
    // A conversation stream holds only conversation events.
    const update = conversationUpdate(event as ConversationEvent, event.revision, into.running);
    into.revision = event.revision;
    if (event.type === "MoodShifted") into.moodShifted = true;
    if (!update) continue;
    if (update.kind === "imageRequestGranted") into.grants.set(update.imageJobId, event.revision);
    if (afterRevision !== null && event.revision > afterRevision) updates.push(update);
    if (keepRecent) into.recent.push(update);
  }
  if (keepRecent && into.recent.length > RECENT_UPDATES) {
    const dropped = into.recent.splice(0, into.recent.length - RECENT_UPDATES);
    into.recentAfter = dropped.at(-1)!.revision;
  }
  return updates;
}

function empty(baseline: MoodState): Snapshot {
  return {
    running: runningState(baseline),
    revision: -1,
    grants: new Map(),
    moodShifted: false,
    recent: [],
    recentAfter: -1,
  };
}

function copy(snapshot: Snapshot): Snapshot {
  return {
    // The reply starts are a persistent map: shared until either side adds one.
    running: { ...snapshot.running, mood: { ...snapshot.running.mood } },
    revision: snapshot.revision,
    grants: new Map(snapshot.grants),
    moodShifted: snapshot.moodShifted,
    // Shared, not copied: a cached snapshot's list never changes (a refresh folds into a copy).
    recent: snapshot.recent,
    recentAfter: snapshot.recentAfter,
  };
}
