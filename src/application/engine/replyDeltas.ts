/**
 * The shown pieces of one reply on its live topic. The first goes out at once; later pieces
 * released in the same turn of the event loop go out joined, as one delta: a composer faster than
 * the network (the offline engine) would otherwise send every subscriber a message per sentence,
 * while pieces of a streamed model arrive in turns of their own and go out as they come.
 */
export class ReplyDeltas {
  readonly #publish: (text: string, index: number) => Promise<void>;
  readonly #onFirst: () => void;
  #index = 0;
  #waiting = "";
  #timer: NodeJS.Immediate | null = null;
  #sending: Promise<void> = Promise.resolve();

  constructor(publish: (text: string, index: number) => Promise<void>, onFirst: () => void) {
    this.#publish = publish;
    this.#onFirst = onFirst;
  }

  async show(text: string): Promise<void> {
    if (text.length === 0) return;
    if (this.#index === 0) {
      await this.#publish(text, this.#index++);
      this.#onFirst();
      // Let the first words leave before the rest of the reply is worked out.
      await new Promise((resolve) => setImmediate(resolve));
      return;
    }
    this.#waiting += text;
    this.#timer ??= setImmediate(() => void this.flush().catch(() => {}));
  }

  /** Sends what is waiting; resolves once everything shown so far is published. */
  flush(): Promise<void> {
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = null;
    if (this.#waiting.length > 0) {
      const text = this.#waiting;
      this.#waiting = "";
      this.#sending = this.#sending.then(() => this.#publish(text, this.#index++));
    }
    return this.#sending;
  }

  /** Forgets what is still waiting (the reply failed); what was published stays published. */
  async drop(): Promise<void> {
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = null;
    this.#waiting = "";
    await this.#sending.catch(() => {});
  }
}
