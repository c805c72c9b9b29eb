import type { ConversationLive, LiveBus, Topic } from "../ports/liveBus.ts";
import { classifyLiveMessage, type LiveClassification } from "./liveMessages.ts";

/** A live message as every watcher of its topic gets it: classified once, with when it arrived here. */
export interface SharedLiveMessage {
  message: ConversationLive;
  live: LiveClassification;
  /** `performance.now()` when it arrived: a change it tells of was stored before then. */
  receivedAt: number;
}

export interface LiveWatcher {
  message(shared: SharedLiveMessage): void;
  failed(error: unknown): void;
}

interface Watched {
  watchers: Set<LiveWatcher>;
  controller: AbortController;
}

/**
 * One bus subscription per conversation topic for the whole process, however many subscriptions
 * watch it (tabs, devices): each message is classified once and handed to every watcher in turn,
 * the same object for all, so what they make of it can be shared too. The bus subscription ends
 * with its last watcher.
 */
export class LiveTopics {
  readonly #bus: LiveBus;
  readonly #topics = new Map<string, Watched>();

  constructor(bus: LiveBus) {
    this.#bus = bus;
  }

  /** Hands `watcher` every message on the topic from now on; returns the unwatch. */
  watch(topic: Topic<ConversationLive>, watcher: LiveWatcher): () => void {
    const watched = this.#topics.get(topic) ?? this.#listen(topic);
    watched.watchers.add(watcher);
    return () => {
      watched.watchers.delete(watcher);
      if (watched.watchers.size > 0) return;
      if (this.#topics.get(topic) === watched) this.#topics.delete(topic);
      watched.controller.abort();
    };
  }

  get watchedTopics(): number {
    return this.#topics.size;
  }

  #listen(topic: Topic<ConversationLive>): Watched {
    const watched: Watched = { watchers: new Set(), controller: new AbortController() };
    this.#topics.set(topic, watched);
    const messages = this.#bus.subscribe(topic, watched.controller.signal);
    void (async () => {
      try {
        for await (const message of messages) {
          const shared = { message, live: classifyLiveMessage(message), receivedAt: performance.now() };
          for (const watcher of watched.watchers) watcher.message(shared);
        }
      } catch (error) {
        for (const watcher of watched.watchers) watcher.failed(error);
      } finally {
        // A bus that ended or failed is subscribed to afresh by the next watcher.
        if (this.#topics.get(topic) === watched) this.#topics.delete(topic);
      }
    })();
    return watched;
  }
}
