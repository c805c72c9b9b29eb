const NOTHING_TO_MARK = { done() {} };

/**
 * Tracks events handed out for concurrent handling and tells how far the checkpoint may move:
 * up to the newest position before which every event is done. Each step is constant time: a
 * slow handler can leave thousands of passed-over events waiting behind it.
 */
export class Watermark {
  #pending: { position: string; done: boolean }[] = [];
  /** Entries before it are behind the mark. */
  #head = 0;
  #inFlight = 0;
  #safe: string | null;

  constructor(start: string | null) {
    this.#safe = start;
  }

  /** An event seen in order; `handled` events must be marked done before the mark passes them. */
  see(position: string, handled: boolean): { done(): void } {
    if (!handled && this.#head === this.#pending.length) {
      this.#safe = position;
      return NOTHING_TO_MARK;
    }
    const entry = { position, done: !handled };
    this.#pending.push(entry);
    if (handled) this.#inFlight++;
    this.#advance();
    return {
      done: () => {
        if (entry.done) return;
        entry.done = true;
        this.#inFlight--;
        this.#advance();
      },
    };
  }

  get safe(): string | null {
    return this.#safe;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  #advance(): void {
    const pending = this.#pending;
    while (this.#head < pending.length && pending[this.#head]!.done)
      this.#safe = pending[this.#head++]!.position;
    if (this.#head === pending.length) {
      this.#pending = [];
      this.#head = 0;
    } else if (this.#head > 1_024 && this.#head * 2 > pending.length) {
      this.#pending = pending.slice(this.#head);
      this.#head = 0;
    }
  }
}
