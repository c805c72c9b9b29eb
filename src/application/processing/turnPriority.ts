/**
 * Puts replies first on a busy process: work that can come later (finishing a reply's record,
 * appraisal, memory, projections) waits while any reply has not yet shown its first words, and
 * then goes one piece at a time, each after a turn of the event loop, so a reply that starts
 * meanwhile goes ahead of what is still waiting. Nothing is lost by waiting: the work is driven
 * by events and checkpoints as before; it only starts later. No work waits longer than
 * `longestWaitMs`, so a process that never runs out of replies still keeps its records.
 *
 * A reply counts from the moment its message is accepted, when the process that accepts it also
 * writes replies: the message `expect`s its reply, and the reply's own `begin` takes it over.
 */
export class TurnPriority {
  readonly #longestWaitMs: number;
  #turns = 0;
  readonly #waiting: { since: number; go: () => void }[] = [];
  /** Replies expected by key, each counted as a turn until it begins or the longest wait passes. */
  readonly #expected = new Map<string, () => void>();
  #scheduled = false;
  #timer: NodeJS.Timeout | null = null;
  readonly #places: number;
  #placesTaken = 0;
  readonly #placeQueue: (() => void)[] = [];

  constructor(options: { longestWaitMs?: number; places?: number } = {}) {
    this.#longestWaitMs = options.longestWaitMs ?? 2_000;
    this.#places = options.places ?? 2;
  }

  /** Replies under way that have not shown their first words. */
  get turns(): number {
    return this.#turns;
  }

  /**
   * A reply begins; the returned function says its first words are out (or it ended), once. With
   * the key of a reply `expect`ed before, this turn takes that one's place.
   */
  begin(key?: string): () => void {
    this.#turns++;
    if (key !== undefined) this.#expected.get(key)?.();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#turns--;
      if (this.#turns === 0) this.#schedule();
    };
  }

  /**
   * A message was accepted whose reply, under `key`, this process will write: it counts as a
   * turn until `begin(key)` takes over, the returned function calls it off (nothing was stored),
   * or the longest wait passes (another process writes it, or it waits for the agent). A reply
   * expected already stays counted once, by the first expectation.
   */
  expect(key: string): () => void {
    if (this.#expected.has(key)) return () => {};
    const end = this.begin();
    const timer = setTimeout(() => over(), this.#longestWaitMs).unref();
    const over = () => {
      if (this.#expected.get(key) === over) this.#expected.delete(key);
      clearTimeout(timer);
      end();
    };
    this.#expected.set(key, over);
    return over;
  }

  /**
   * Waits for one of the few places of replies working toward their first words, in the order
   * asked, and returns the call that gives it up (once). Replies worked on all at once interleave
   * at every await, so in a burst each one's first words come out near the end of everyone's work;
   * a few at a time, each comes out as soon as its own work is done. A reply keeps its place only
   * while it works: at its first words, or once the event loop has come round with the reply still
   * holding it (it waits on a read or on its model), the place goes to the next one, which takes it
   * after a turn of the event loop.
   */
  place(): Promise<() => void> {
    let held = false;
    const leave = () => {
      if (!held) return;
      held = false;
      const next = this.#placeQueue.shift();
      // The next reply starts after a turn of the event loop: what this one just sent leaves the
      // sockets first, instead of after every reply waiting behind it has been worked on too.
      if (next) setImmediate(next);
      else this.#placesTaken--;
    };
    const take = () => {
      held = true;
      setImmediate(leave);
      return leave;
    };
    if (this.#placesTaken < this.#places) {
      this.#placesTaken++;
      return Promise.resolve(take());
    }
    return new Promise((resolve) => this.#placeQueue.push(() => resolve(take())));
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
export const noTurnPriority: Pick<TurnPriority, "begin" | "expect" | "place" | "yieldToTurns"> = {
  begin: () => () => {},
  place: () => Promise.resolve(() => {}),
  expect: () => () => {},
  yieldToTurns: () => Promise.resolve(),
};
