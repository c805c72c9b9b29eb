import { systemClock } from "../../src/adapters/system/systemClock.ts";
import type { Clock } from "../../src/ports/clock.ts";

/**
 * Real time, plus whatever the test has skipped: something due in an hour falls due when the test
 * skips the hour, while everything else keeps running on real timers.
 */
export class SkippingClock implements Clock {
  #skippedMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#skippedMs);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }

  skip(ms: number): void {
    this.#skippedMs += ms;
  }
}
