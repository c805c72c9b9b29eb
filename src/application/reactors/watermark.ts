/**
 * Tracks events handed out for concurrent handling and tells how far the checkpoint may move:
 * up to the newest position before which every event is done.
 */
export class Watermark {
  readonly #pending: { position: string; done: boolean }[] = [];
  #safe: string | null;

  constructor(start: string | null) {
    this.#safe = start;
  }

  /** An event seen in order; `handled` events must be marked done before the mark passes them. */
  see(position: string, handled: boolean): { done(): void } {
    const entry = { position, done: !handled };
    this.#pending.push(entry);
    this.#advance();
    return {
      done: () => {
        entry.done = true;
        this.#advance();
      },
    };
  }

  get safe(): string | null {
    return this.#safe;
  }

  get inFlight(): number {
    return this.#pending.filter((entry) => !entry.done).length;
  }

  #advance(): void {
    while (this.#pending.length > 0 && this.#pending[0]!.done) this.#safe = this.#pending.shift()!.position;
  }
}
