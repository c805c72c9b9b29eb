/**
 * Puts replies first on a busy process: work that can come later (finishing a reply's record,
 * appraisal, memory, projections) waits while any reply has not yet shown its first words, and
 * then goes one piece at a time, each after a turn of the event loop, so a reply that starts
 * meanwhile goes ahead of what is still waiting. Nothing is lost by waiting: the work is driven
 * by events and checkpoints as before; it only starts later. No work waits longer than
 * `longestWaitMs`, so a process that never runs out of replies still keeps its records.
 */
export class TurnPriority {
  readonly #longestWaitMs: number;
  #turns = 0;
  readonly #waiting: { since: number; go: () => void }[] = [];
  #scheduled = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: { longestWaitMs?: number } = {}) {
    this.#longestWaitMs = options.longestWaitMs ?? 2_000;
  }

  /** Replies under way that have not shown their first words. */
  get turns(): number {
    return this.#turns;
  }

  /** A reply begins; the returned function says its first words are out (or it ended), once. */
  begin(): () => void {
    this.#turns++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#turns--;
      if (this.#turns === 0) this.#schedule();
    };
  }

  /** Resolves when no reply is waiting for its first words and the work queued before has started. */
  yieldToTurns(): Promise<void> {
    return new Promise((go) => {
      this.#waiting.push({ since: performance.now(), go });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => this.#release());
  }

  #release(): void {
    this.#scheduled = false;
    const first = this.#waiting[0];
    if (!first) return;
    const waited = performance.now() - first.since;
    if (this.#turns > 0 && waited < this.#longestWaitMs) {
      // Woken by the last turn's first words, or by the longest wait.
      this.#timer ??= setTimeout(() => {
        this.#timer = null;
        this.#schedule();
      }, this.#longestWaitMs - waited).unref();
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#waiting.shift()!.go();
    this.#schedule();
  }
}

/** For processes and tests that do not rank their work: nothing ever waits. */
export const noTurnPriority: Pick<TurnPriority, "begin" | "yieldToTurns"> = {
  begin: () => () => {},
  yieldToTurns: () => Promise.resolve(),
};
