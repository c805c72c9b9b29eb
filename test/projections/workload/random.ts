/** sfc32: small, fast and the same on every machine. */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** 0 ≤ n < 1 */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("nothing to pick from");
    return items[this.int(items.length)]!;
  }

  /** Two decimals, as people and models tend to give intensities. */
  round(value: number): number {
    return Math.round(value * 100) / 100;
  }

  uuid(): string {
    const hex = Array.from({ length: 4 }, () => (this.int(2 ** 32) >>> 0).toString(16).padStart(8, "0")).join(
      "",
    );
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[this.int(4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A sentence of `words` words, with some accents and emoji among them. */
  text(words: number): string {
    const chosen = Array.from({ length: Math.max(1, words) }, () => this.pick(WORDS));
    const sentence = chosen.join(" ");
    return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
  }
}

export const WORDS = (
  "coffee rain morning café film late train sunset music book walk tea garden city night sea " +
  "market bread window laugh quiet bicycle river photo letter dream naïve crème ☕ 🌧 über"
).split(" ");
