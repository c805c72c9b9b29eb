import {
  type ConversationUpdate,
  conversationUpdate,
  runningState,
} from "../application/conversations/conversationUpdates.ts";
import type { WithmeStoredEvent } from "../application/eventLog.ts";
import { agentDecider } from "../domain/agent/decider.ts";
import type { ConversationEvent } from "../domain/conversation/events.ts";
import { type ImageJobState, imageJobDecider } from "../domain/imageJob/decider.ts";
import { assertNever } from "../domain/shared/decider.ts";
import { agentStreamId, conversationStreamId, imageJobStreamId } from "../domain/streamIds.ts";
import { type ConversationLive, topics } from "../ports/liveBus.ts";
import { AsyncQueue } from "./asyncQueue.ts";
import type { GraphQLContext, Viewer } from "./context.ts";
import { notFound, unauthenticated } from "./errors.ts";
import type { LiveConversationEvent } from "./liveMessages.ts";
import type { SharedLiveMessage } from "./liveTopics.ts";
import { subscriptionLifetime, untilAborted } from "./subscriptionLifetime.ts";

export type ConversationEventPayload =
  | Exclude<ConversationUpdate, { kind: "imageRequestGranted" }>
  | LiveConversationEvent
  | { kind: "imageJobUpdated"; revision: number | null; job: ImageJobState };

type Wake =
  | { type: "stream"; events: readonly WithmeStoredEvent[] }
  | { type: "updates"; updates: ConversationUpdate[] }
  | { type: "live"; shared: SharedLiveMessage }
  | { type: "job"; imageJobId: string }
  | { type: "expired" }
  | { type: "failed"; error: unknown };

const FINISHED_REPLIES_KEPT = 16;

/**
 * The viewer's conversation with one agent as it happens. Listening starts before reading, so
 * nothing falls between the two: with `afterRevision`, the stored events after it come first
 * (what a reconnecting client missed), then live ones; without it, everything stored from the
 * moment the subscription started. Stored events are read from a cursor, so each is delivered
 * once and in order. Reply deltas and typing are live only.
 */
export async function* conversationEvents(
  context: GraphQLContext,
  viewer: Viewer,
  agentId: string,
  afterRevision: number | null,
  cancelled: AbortController,
): AsyncGenerator<ConversationEventPayload> {
  const { services } = context;
  const agent = await services.commands.load(agentDecider, agentStreamId(agentId));
  if (!agent.state.profile) throw notFound("No such agent; pick one from the list.");
  if (cancelled.signal.aborted) return;
  const streamId = conversationStreamId(viewer.userId, agentId);
  // Without a revision to resume from, "from now on" means after what is stored before listening
  // begins: read that first, so nothing stored once the subscription counts is ever passed over.
  const resumeAfter = afterRevision ?? (await services.events.store.streamRevision(streamId)) ?? -1;
  if (cancelled.signal.aborted) return;
  const queue = new AsyncQueue<Wake>();
  const lifetime = subscriptionLifetime(context, () => queue.push({ type: "expired" }), cancelled);
  const unwatch = [
    services.feed.watch(streamId, (_revision, events) => queue.push({ type: "stream", events })),
  ];
  /** The jobs this subscription reports on, with the revision of the grant that started each. */
  let watchedJobs: Map<string, number> | undefined;
  /** The replies seen to finish, the latest few: a delta of one arriving after its end is stale. */
  const finishedReplies: string[] = [];
  unwatch.push(
    services.liveTopics.watch(topics.conversation(viewer.userId, agentId), {
      message: (shared) => queue.push({ type: "live", shared }),
      failed: (error) => queue.push({ type: "failed", error }),
    }),
  );
  lifetime.onEnd(() => queue.close());
  const deps = { events: services.events };
  let running = runningState(agent.state.profile.moodBaseline);
  let cursor = -1;
  /** Stored events the feed handed over and not yet taken, and the newest revision it told of. */
  const fed: WithmeStoredEvent[] = [];
  let fedUpTo = -1;
  /** The fed events that follow on from the cursor; null when the stream must be read instead. */
  const takeFed = (): readonly WithmeStoredEvent[] | null => {
    const handed = fed.length > 0;
    const next = fed.splice(0).filter((event) => event.revision > cursor);
    if (next.length === 0) return handed ? [] : null;
    const follows = next.every((event, i) => event.revision === cursor + 1 + i);
    return follows ? next : null;
  };
  const readFromCursor = async (notBefore: number) => {
    const events = takeFed() ?? (await services.snapshots.readStream(deps, streamId, cursor + 1, notBefore));
    const updates: ConversationUpdate[] = [];
    for (const event of events) {
      // A conversation stream holds only conversation events.
      const update = conversationUpdate(event as ConversationEvent, event.revision, running);
      if (update && event.revision > cursor) updates.push(update);
    }
    cursor = events.at(-1)?.revision ?? cursor;
    return updates;
  };
  const watchJob = (imageJobId: string, grantRevision: number) => {
    watchedJobs ??= new Map();
    if (watchedJobs.has(imageJobId)) return;
    watchedJobs.set(imageJobId, grantRevision);
    unwatch.push(
      services.feed.watch(imageJobStreamId(imageJobId), () => queue.push({ type: "job", imageJobId })),
    );
  };
  const expand = async (update: ConversationUpdate): Promise<ConversationEventPayload[]> => {
    if (update.kind === "replyCompleted" || update.kind === "replyFailed")
      if (finishedReplies.push(update.replyId) > FINISHED_REPLIES_KEPT) finishedReplies.shift();
    if (update.kind !== "imageRequestGranted") return [update];
    watchJob(update.imageJobId, update.revision);
    // A grant shows as the image job it starts; a job not requested yet shows when it is.
    const job = await loadJob(context, update.imageJobId);
    return job ? [{ kind: "imageJobUpdated", revision: update.revision, job }] : [];
  };
  try {
    // Listening must have begun before the catch-up read; a bus that cannot say so in time is not waited for.
    await untilAborted(services.bus.whenSubscribed(), lifetime.signal, 2_000);
    if (lifetime.signal.aborted) return;
    const start = await services.snapshots.start(
      deps,
      streamId,
      agent.state.profile.moodBaseline,
      resumeAfter,
    );
    running = start.running;
    cursor = start.cursor;
    for (const { imageJobId, revision } of start.earlierGrants) {
      if (lifetime.signal.aborted) return;
      // Seen before, but a picture still being made keeps reporting here.
      const job = await loadJob(context, imageJobId);
      if (job && job.status !== "succeeded" && job.status !== "failed") watchJob(imageJobId, revision);
      else if (job) services.snapshots.finished(streamId, imageJobId);
    }
    for (const update of start.updates) yield* await expand(update);
    // Stored events are read beside the loop, so a reply streaming now is never held up by a read.
    let reading = false;
    let again = false;
    let wokenAt = 0;
    /** `changedBefore`: when the change to read was known to be stored; a read begun after it sees it. */
    const scheduleRead = (changedBefore = performance.now()) => {
      wokenAt = Math.max(wokenAt, changedBefore);
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      void (async () => {
        try {
          do {
            again = false;
            const updates = await readFromCursor(wokenAt);
            if (updates.length > 0) queue.push({ type: "updates", updates });
          } while (again && !lifetime.signal.aborted);
        } catch (error) {
          queue.push({ type: "failed", error });
        } finally {
          reading = false;
        }
      })();
    };
    for (let wake = await queue.next(); wake; wake = await queue.next()) {
      switch (wake.type) {
        case "stream":
          fed.push(...wake.events);
          fedUpTo = Math.max(fedUpTo, wake.events.at(-1)?.revision ?? -1);
          // Handed nothing it could use: read the stream.
          if (wake.events.length === 0) fed.length = 0;
          scheduleRead();
          break;
        case "updates":
          for (const update of wake.updates) yield* await expand(update);
          break;
        case "live": {
          const { live, message, receivedAt } = wake.shared;
          // A read model's notice of a change this subscription already has needs no read.
          if (live.type === "notice" && !alreadyHas(message, streamId, Math.max(cursor, fedUpTo)))
            scheduleRead(receivedAt);
          else if (live.type === "event") {
            const stale = live.event.kind === "replyDelta" && finishedReplies.includes(live.event.replyId);
            if (!stale) yield live.event;
          }
          break;
        }
        case "job": {
          const job = await loadJob(context, wake.imageJobId);
          // The grant's revision places the picture after the request that caused it.
          if (job)
            yield { kind: "imageJobUpdated", revision: watchedJobs?.get(wake.imageJobId) ?? null, job };
          break;
        }
        case "expired":
          throw unauthenticated("The sign-in token has expired; sign in again and resubscribe.");
        case "failed":
          throw wake.error;
        default:
          return assertNever(wake);
      }
    }
  } finally {
    for (const stop of unwatch) stop();
    lifetime.dispose();
  }
}

function alreadyHas(message: ConversationLive, streamId: string, revision: number): boolean {
  const changed = message.payload as { streamId?: unknown; revision?: unknown };
  return (
    changed.streamId === streamId && typeof changed.revision === "number" && changed.revision <= revision
  );
}

async function loadJob(context: GraphQLContext, imageJobId: string): Promise<ImageJobState | null> {
  const { state } = await context.services.commands.load(imageJobDecider, imageJobStreamId(imageJobId));
  return state.status === "absent" ? null : state;
}
