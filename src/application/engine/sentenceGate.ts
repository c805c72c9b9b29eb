import { splitSentences } from "../prompt/replySentences.ts";
import { checkSelfReference, type GuardOptions } from "../prompt/selfReferenceGuard.ts";

/** What may end a sentence for splitSentences; quotes only ever hide one. */
const SENTENCE_END = /[.!?…\n]/;

/**
 * Holds back a streamed reply one sentence at a time: a sentence goes out only once it is complete
 * and the self-reference guard has read it, repaired or dropped. What breaks character never
 * reaches the person, not even live, and what was shown is exactly what is stored.
 */
export class SentenceGate {
  readonly #options: GuardOptions;
  #pending = "";
  #raw = "";
  #released = "";

  constructor(options: GuardOptions) {
    this.#options = options;
  }

  /** Everything the model wrote in this attempt, before the guard. */
  get raw(): string {
    return this.#raw;
  }

  /** Everything let through so far. */
  get released(): string {
    return this.#released;
  }

  /** Takes a piece of the stream; returns the text now safe to show (often none yet). */
  push(delta: string): string {
    this.#raw += delta;
    this.#pending += delta;
    // With no sentence end in it, what is pending is one unfinished sentence: nothing to split yet.
    if (!SENTENCE_END.test(this.#pending)) return "";
    const sentences = splitSentences(this.#pending);
    // The last piece may still be growing ("As an A." → "As an A.I. model"); it waits.
    const complete = sentences
      .slice(0, -1)
      .map((s) => s.text)
      .join("");
    if (complete.length === 0) return "";
    this.#pending = this.#pending.slice(complete.length);
    return this.#release(complete);
  }

  /** The end of the attempt: the rest, checked like the sentences before it. */
  end(): string {
    const rest = this.#pending;
    this.#pending = "";
    return rest.length > 0 ? this.#release(rest) : "";
  }

  /** Takes a replaced final text ("done" carries the whole reply): the part not yet seen. */
  finish(text: string): string {
    if (text.startsWith(this.#raw)) {
      const unseen = text.slice(this.#raw.length);
      return `${unseen ? this.push(unseen) : ""}${this.end()}`;
    }
    return this.end();
  }

  #release(chunk: string): string {
    const checked = checkSelfReference(chunk, this.#options);
    let out = chunk;
    if (checked.verdict !== "ok") {
      const kept = checked.text.trim();
      out = kept ? `${/^\s*/.exec(chunk)![0]}${kept}${/\s*$/.exec(chunk)![0]}` : "";
    }
    if (this.#released.length === 0) out = out.trimStart();
    this.#released += out;
    return out;
  }
}
