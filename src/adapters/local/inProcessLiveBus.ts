import type { LiveBus, LiveMessage, Topic } from "../../ports/liveBus.ts";

type Listener = (message: LiveMessage) => void;

/** The live bus for a single process: subscribers get messages in publish order. */
export class InProcessLiveBus implements LiveBus {
  readonly name = "in-process";
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #closers = new Set<() => void>();

  async publish<M extends LiveMessage>(topic: Topic<M>, message: M): Promise<void> {
    this.deliver(topic, message);
  }

  /** Hands a message to this process's subscribers; other buses reuse it after their transport. */
  deliver(topic: string, message: LiveMessage): void {
    for (const listener of this.#listeners.get(topic) ?? []) listener(message);
  }

  hasSubscribers(topic: string): boolean {
    return (this.#listeners.get(topic)?.size ?? 0) > 0;
  }

  subscribe<M extends LiveMessage>(topic: Topic<M>, signal?: AbortSignal): AsyncIterable<M> {
    return this.#subscribe(topic, signal) as AsyncIterable<M>;
  }

  #subscribe(topic: string, signal?: AbortSignal): AsyncIterable<LiveMessage> {
    const queue: LiveMessage[] = [];
    let wake: (() => void) | null = null;
    const listener: Listener = (message) => {
      queue.push(message);
      wake?.();
    };
    const listeners = this.#listeners.get(topic) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(topic, listeners);
    let closed = false;
    const remove = () => {
      closed = true;
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(topic);
      this.#closers.delete(remove);
      wake?.();
    };
    this.#closers.add(remove);
    // A signal that is already aborted never fires its listeners.
    if (signal?.aborted) remove();
    else signal?.addEventListener("abort", remove, { once: true });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          while (!closed) {
            const next = queue.shift();
            if (next) {
              yield next;
              continue;
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
          }
        } finally {
          remove();
        }
      },
    };
  }

  /** In one process a subscription receives messages from the moment it is made. */
  async whenSubscribed(): Promise<void> {}

  /** Nothing is kept: a message lives only while it is handed to subscribers. */
  async forgetPerson(): Promise<void> {}

  /** Ends every open subscription. */
  async close(): Promise<void> {
    for (const close of [...this.#closers]) close();
    this.#listeners.clear();
  }
}
