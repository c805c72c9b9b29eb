import { type ConversationUpdate, runningState } from "../application/conversations/conversationUpdates.ts";
import { assertNever } from "../domain/shared/decider.ts";
import type { MoodState } from "../domain/shared/mood.ts";
import { conversationStreamId, imageJobStreamId } from "../domain/streamIds.ts";
import { topics } from "../ports/liveBus.ts";
import { AsyncQueue } from "./asyncQueue.ts";
import type { GraphQLContext } from "./context.ts";
import { ConversationCursor } from "./conversationCursor.ts";
import { alreadyHas, type ConversationEventPayload, loadJob, type Wake } from "./conversationWakes.ts";
import { unauthenticated } from "./errors.ts";
import type { LiveConversationEvent } from "./liveMessages.ts";
import type { SharedLiveMessage } from "./liveTopics.ts";
import { type Lifetime, subscriptionLifetime, untilAborted } from "./subscriptionLifetime.ts";

const FINISHED_REPLIES_KEPT = 16;

/**
 * What one subscription to a conversation holds while it is open: what wakes it, how far it has
 * read the stream, the image jobs it reports on and the replies it saw finish. A plain object
 * rather than the locals and closures of one long generator, which every idle subscription kept.
 * Listening begins when it is made, before the catch-up read, so nothing falls between the two.
 */
export class LiveConversation {
  readonly #context: GraphQLContext;
  readonly #streamId: string;
  readonly #queue = new AsyncQueue<Wake>();
  readonly #lifetime: Lifetime;
  readonly #unwatch: (() => void)[];
  /** The jobs reported on, with the revision of the grant that started each. */
  #watchedJobs: Map<string, number> | undefined;
  /** The replies seen to finish, the latest few: a delta of one arriving after its end is stale. */
  readonly #finishedReplies: string[] = [];
  readonly #cursor: ConversationCursor;

  constructor(
    context: GraphQLContext,
    userId: string,
    agentId: string,
    moodBaseline: MoodState,
    cancelled: AbortController,
  ) {
    const { services } = context;
    const queue = this.#queue;
    this.#context = context;
    this.#streamId = conversationStreamId(userId, agentId);
    this.#lifetime = subscriptionLifetime(context, () => queue.push({ type: "expired" }), cancelled);
    this.#cursor = new ConversationCursor(
      context,
      this.#streamId,
      runningState(moodBaseline),
      (wake) => queue.push(wake),
      this.#lifetime.signal,
    );
    this.#unwatch = [
      services.feed.watch(this.#streamId, (_revision, events) => queue.push({ type: "stream", events })),
      services.liveTopics.watch(topics.conversation(userId, agentId), {
        // Most notices tell of changes the feed handed over already: those are dropped here, before
        // they wake the subscription, as every watcher of a busy conversation would be woken for each.
        message: (shared) => {
          if (shared.live.type === "event" || !this.#has(shared)) queue.push({ type: "live", shared });
        },
        failed: (error) => queue.push({ type: "failed", error }),
      }),
    ];
    this.#lifetime.onEnd(() => queue.close());
  }

  /** What is stored after `resumeAfter`, read once the bus listens. */
  async *catchUp(resumeAfter: number, moodBaseline: MoodState): AsyncGenerator<ConversationEventPayload> {
    const { services } = this.#context;
    const signal = this.#lifetime.signal;
    // Listening must have begun before the catch-up read; a bus that cannot say so in time is not waited for.
    await untilAborted(services.bus.whenSubscribed(), signal, 2_000);
    if (signal.aborted) return;
    const deps = { events: services.events };
    const start = await services.snapshots.start(deps, this.#streamId, moodBaseline, resumeAfter);
    this.#cursor.startAt(start.cursor, start.running);
    for (const { imageJobId, revision } of start.earlierGrants) {
      if (signal.aborted) return;
      // Seen before, but a picture still being made keeps reporting here.
      const job = await loadJob(this.#context, imageJobId);
      if (job && job.status !== "succeeded" && job.status !== "failed") this.#watchJob(imageJobId, revision);
      else if (job) services.snapshots.finished(this.#streamId, imageJobId);
    }
    for (const update of start.updates) yield* await this.#expand(update);
  }

  /** The next wake-up, or null once the subscription has ended. */
  next(): Promise<Wake | null> {
    return this.#queue.next();
  }

  /** A live message: a reply delta or typing to pass on, or a read model's notice that may call for a read. */
  live(shared: SharedLiveMessage): LiveConversationEvent | null {
    const { live } = shared;
    if (live.type === "event")
      return live.event.kind === "replyDelta" && this.#finishedReplies.includes(live.event.replyId)
        ? null
        : live.event;
    // A read model's notice of a change this subscription already has needs no read.
    if (!this.#has(shared)) this.#cursor.read(shared.receivedAt);
    return null;
  }

  #has({ message }: SharedLiveMessage): boolean {
    return alreadyHas(message, this.#streamId, this.#cursor.seen);
  }

  /** Any other wake-up. */
  async *handle(wake: Exclude<Wake, { type: "live" }>): AsyncGenerator<ConversationEventPayload> {
    switch (wake.type) {
      case "stream":
        for (const update of this.#cursor.fed(wake.events)) yield* await this.#expand(update);
        return;
      case "updates":
        this.#cursor.taken();
        for (const update of wake.updates) yield* await this.#expand(update);
        return;
      case "job": {
        const job = await loadJob(this.#context, wake.imageJobId);
        // The grant's revision places the picture after the request that caused it.
        if (job)
          yield { kind: "imageJobUpdated", revision: this.#watchedJobs?.get(wake.imageJobId) ?? null, job };
        return;
      }
      case "expired":
        throw unauthenticated("The sign-in token has expired; sign in again and resubscribe.");
      case "failed":
        throw wake.error;
      default:
        return assertNever(wake);
    }
  }

  dispose(): void {
    for (const stop of this.#unwatch) stop();
    this.#lifetime.dispose();
  }

  #watchJob(imageJobId: string, grantRevision: number): void {
    this.#watchedJobs ??= new Map();
    if (this.#watchedJobs.has(imageJobId)) return;
    this.#watchedJobs.set(imageJobId, grantRevision);
    const queue = this.#queue;
    this.#unwatch.push(
      this.#context.services.feed.watch(imageJobStreamId(imageJobId), () =>
        queue.push({ type: "job", imageJobId }),
      ),
    );
  }

  async #expand(update: ConversationUpdate): Promise<ConversationEventPayload[]> {
    if (update.kind === "replyCompleted" || update.kind === "replyFailed")
      if (this.#finishedReplies.push(update.replyId) > FINISHED_REPLIES_KEPT) this.#finishedReplies.shift();
    if (update.kind !== "imageRequestGranted") return [update];
    this.#watchJob(update.imageJobId, update.revision);
    // A grant shows as the image job it starts; a job not requested yet shows when it is.
    const job = await loadJob(this.#context, update.imageJobId);
    return job ? [{ kind: "imageJobUpdated", revision: update.revision, job }] : [];
  }
}
