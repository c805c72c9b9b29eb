/**
 * A reply's typing sign, said only when its first words do not follow in the same turn of the
 * event loop: words that come at once (the offline engine's) would replace it before anyone saw
 * it, and each sign is a message to every subscriber of the conversation. The end of typing is
 * said only after a sign that was said.
 */
export class TypingSign {
  readonly #say: (typing: boolean) => Promise<void>;
  #pending: NodeJS.Immediate | null;
  /** Whether the sign went out; a lost sign is not worth failing the reply for. */
  #said: Promise<boolean> | null = null;

  constructor(say: (typing: boolean) => Promise<void>) {
    this.#say = say;
    this.#pending = setImmediate(() => {
      this.#pending = null;
      this.#said = this.#say(true).then(
        () => true,
        () => false,
      );
    });
  }

  /** The first words are about to go out: a sign not said yet is no longer needed. */
  wordsShown(): void {
    if (this.#pending) clearImmediate(this.#pending);
    this.#pending = null;
  }

  /** The reply's stream is over (written or failed). */
  async stop(): Promise<void> {
    this.wordsShown();
    if (await this.#said) await this.#say(false);
  }
}
