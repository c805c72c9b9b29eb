/**
 * How much matching one turn's lorebook scan may do, counted in steps of the pattern matcher (a
 * step is about as long as one instruction of `LinearPattern` on one character). Each pattern is
 * linear in the text, but a card may hold thousands of entries with a hundred keys each, every
 * one a pattern of thousands of instructions: without a bound one reply could keep the process
 * busy for hours. Counting steps rather than time keeps a retried turn bringing the same lore.
 */

/** About a second of matching on a slow core; an ordinary book uses a small part of it. */
export const SCAN_WORK_LIMIT = 50_000_000;
/** One key that needs more than this matches nothing, as a pattern withme cannot run does. */
export const KEY_WORK_LIMIT = 10_000_000;

/** Steps a character of text costs `String.prototype.includes`, a step per this many characters. */
const CHARS_PER_SUBSTRING_STEP = 64;
/** Steps per instruction to compile a pattern, which costs more than running one. */
const STEPS_PER_COMPILED_INSTRUCTION = 10;

export class ScanWork {
  #left: number;
  #keysGivenUp = 0;

  constructor(limit: number = SCAN_WORK_LIMIT) {
    this.#left = limit;
  }

  /** Whether the scan has spent all it may: every key from now on matches nothing. */
  get exhausted(): boolean {
    return this.#left <= 0;
  }

  /** Keys that matched nothing because running them cost too much. */
  get keysGivenUp(): number {
    return this.#keysGivenUp;
  }

  /** Steps the next key may take. */
  allowance(): number {
    return Math.max(0, Math.min(this.#left, KEY_WORK_LIMIT));
  }

  spend(steps: number): void {
    this.#left -= steps;
  }

  spendOnSubstring(textLength: number): void {
    this.spend(1 + Math.ceil(textLength / CHARS_PER_SUBSTRING_STEP));
  }

  spendOnCompiling(instructions: number): void {
    this.spend(instructions * STEPS_PER_COMPILED_INSTRUCTION);
  }

  gaveUp(): void {
    this.#keysGivenUp++;
  }
}
