/** A queue an async generator can wait on: producers push, one consumer pulls in order. */
export class AsyncQueue<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | null = null;
  #closed = false;

  push(item: T): void {
    if (this.#closed) return;
    this.#items.push(item);
    this.#wake?.();
  }

  close(): void {
    this.#closed = true;
    this.#wake?.();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The next item, or null once the queue is closed and empty. */
  async next(): Promise<T | null> {
    while (this.#items.length === 0) {
      if (this.#closed) return null;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = null;
    }
    return this.#items.shift()!;
  }

  /** Takes everything waiting, without blocking. */
  drain(): T[] {
    return this.#items.splice(0);
  }
}

/** Feeds an async iterable into a queue until it ends or fails; errors go to `onError`. */
export function pump<T, U>(
  source: AsyncIterable<T>,
  queue: AsyncQueue<U>,
  map: (item: T) => U,
  onError: (error: unknown) => void,
): void {
  void (async () => {
    try {
      for await (const item of source) queue.push(map(item));
    } catch (error) {
      onError(error);
    }
  })();
}
