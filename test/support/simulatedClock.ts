import type { Clock } from "../../src/ports/clock.ts";

interface Sleeper {
  at: number;
  resolve: () => void;
}

/**
 * Simulated time. In `auto` mode a sleep moves time forward at once (days pass in moments); in
 * `manual` mode sleeps wait until the test calls `advance`/`advanceTo`, which wakes them in order.
 */
export class SimulatedClock implements Clock {
  #now: number;
  readonly #mode: "auto" | "manual";
  #sleepers: Sleeper[] = [];

  constructor(start: Date | string, options: { mode?: "auto" | "manual" } = {}) {
    this.#now = new Date(start).getTime();
    this.#mode = options.mode ?? "auto";
  }

  now(): Date {
    return new Date(this.#now);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    if (this.#mode === "auto") {
      this.#now += Math.max(0, ms);
      // Yield a turn of the event loop, as a real timer would.
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve) => {
      const sleeper: Sleeper = { at: this.#now + Math.max(0, ms), resolve: () => done() };
      const done = () => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      signal?.addEventListener("abort", done, { once: true });
      this.#sleepers.push(sleeper);
    });
  }

  /** How many sleeps are waiting (manual mode). */
  get waiting(): number {
    return this.#sleepers.length;
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.#now + ms));
  }

  /** Moves time to `target`, waking each sleeper at its own time and letting it run before the next. */
  async advanceTo(target: Date | string): Promise<void> {
    const end = new Date(target).getTime();
    // Work already under way (a loop about to sleep again) gets to its next sleep first.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const next = [...this.#sleepers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.#now = Math.max(this.#now, next.at);
      next.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#now = Math.max(this.#now, end);
  }
}
