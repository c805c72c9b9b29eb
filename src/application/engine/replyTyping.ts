/**
 * The agent's typing sign for one reply on its live topic. It goes up at the end of the turn of
 * the event loop the reply starts being written in, unless the reply's first words are out by
 * then: a composer that answers at once (the offline engine without a typing delay) shows its
 * words with no sign before or after them, which spares every subscriber two messages, both of
 * them ahead of the words or beside them. A model still being waited on shows the sign, and a
 * sign that went up comes down when the reply ends, written or failed.
 */
export class ReplyTyping {
  readonly #publish: (typing: boolean) => Promise<void>;
  readonly #hasWords: () => boolean;
  #shown: Promise<void> | null = null;
  #ended = false;

  /** Looks at the end of this turn whether the reply has words yet; `hasWords` says so. */
  constructor(publish: (typing: boolean) => Promise<void>, hasWords: () => boolean) {
    this.#publish = publish;
    this.#hasWords = hasWords;
    process.nextTick(() => {
      if (this.#ended || this.#hasWords()) return;
      this.#shown = this.#publish(true);
      // A failed publish is reported by `end`, which the writer always calls.
      this.#shown.catch(() => {});
    });
  }

  /** Takes the sign down, if it went up; it never goes up after this. */
  async end(): Promise<void> {
    this.#ended = true;
    if (!this.#shown) return;
    await this.#shown;
    await this.#publish(false);
  }
}
