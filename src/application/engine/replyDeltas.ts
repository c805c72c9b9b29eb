/**
 * The shown pieces of one reply on its live topic. Pieces released in the same turn of the event
 * loop, the first included, go out joined as one delta at the end of that turn: a composer faster
 * than the network (the offline engine) would otherwise send every subscriber a message per
 * sentence, while pieces of a streamed model arrive in turns of their own and go out as they come.
 * A reply whose whole text is ready at once is one delta, and one message to each subscriber.
 */
export class ReplyDeltas {
  readonly #publish: (text: string, index: number) => Promise<void>;
  readonly #onFirst: () => void;
  #index = 0;
  #waiting = "";
  /** Bumped by each flush and drop, so a turn's scheduled flush that was overtaken does nothing. */
  #generation = 0;
  #scheduled = false;
  #sending: Promise<void> = Promise.resolve();

  constructor(publish: (text: string, index: number) => Promise<void>, onFirst: () => void) {
    this.#publish = publish;
    this.#onFirst = onFirst;
  }

  /** Whether any of the reply's words were shown, sent or still waiting to be. */
  get hasWords(): boolean {
    return this.#index > 0 || this.#waiting.length > 0;
  }

  async show(text: string): Promise<void> {
    if (text.length === 0) return;
    this.#waiting += text;
    if (this.#scheduled) return;
    this.#scheduled = true;
    const generation = this.#generation;
    // After the current microtasks: everything the composer releases in this turn joins the delta.
    process.nextTick(() => {
      if (generation === this.#generation) void this.flush().catch(() => {});
    });
  }

  /** Sends what is waiting; resolves once everything shown so far is published. */
  flush(): Promise<void> {
    this.#generation++;
    this.#scheduled = false;
    if (this.#waiting.length > 0) {
      const text = this.#waiting;
      const index = this.#index++;
      this.#waiting = "";
      this.#sending = this.#sending.then(async () => {
        await this.#publish(text, index);
        if (index === 0) this.#onFirst();
      });
    }
    return this.#sending;
  }

  /** Forgets what is still waiting (the reply failed); what was published stays published. */
  async drop(): Promise<void> {
    this.#generation++;
    this.#scheduled = false;
    this.#waiting = "";
    await this.#sending.catch(() => {});
  }
}
