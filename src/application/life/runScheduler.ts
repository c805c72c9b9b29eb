import { Cron } from "croner";
import type { Logger } from "../../observability/logger.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Leases } from "../../ports/lease.ts";
import { type LeasedLoop, runLeased } from "../processing/leasedLoop.ts";

export const SCHEDULER_LEASE = "scheduler";

export interface RunSchedulerOptions {
  clock: Clock;
  leases: Leases;
  logger: Logger;
  /** Stops the loop (and releases the lease) when aborted. */
  signal: AbortSignal;
  tick: (now: Date) => Promise<unknown>;
  /** Time between ticks, a divisor of a minute, an hour or a day so ticks land on round times. Default 15 min. */
  intervalMs?: number;
  leaseName?: string;
  /** A failed tick is reported here and the loop carries on with the next one. */
  onError?: (error: unknown) => void;
}

/**
 * Ticks on round times of the given clock (croner computes the next one, in UTC) while holding
 * the scheduler lease, so one instance ticks at a time. A simulated clock runs days in moments.
 */
export function runScheduler(options: RunSchedulerOptions): Promise<void> {
  const { clock, leases, logger, signal } = options;
  const cron = new Cron(cronPatternFor(options.intervalMs ?? 15 * 60_000), {
    timezone: "Etc/UTC",
    paused: true,
  });
  const loop: LeasedLoop = {
    name: "scheduler",
    lease: options.leaseName ?? SCHEDULER_LEASE,
    async run(held) {
      const now = clock.now();
      const next = cron.nextRun(now);
      if (!next) throw new Error("the scheduler's pattern has no next run");
      await clock.sleep(next.getTime() - now.getTime(), held);
      if (held.aborted) return;
      try {
        await options.tick(new Date(Math.max(clock.now().getTime(), next.getTime())));
      } catch (error) {
        options.onError?.(error);
      }
    },
  };
  return runLeased(loop, { leases, clock, logger }, signal);
}

/** A six-field croner pattern ticking every `intervalMs`, aligned to the minute, hour or day. */
export function cronPatternFor(intervalMs: number): string {
  const seconds = intervalMs / 1000;
  if (Number.isInteger(seconds) && seconds > 0) {
    if (seconds < 60 && 60 % seconds === 0) return `*/${seconds} * * * * *`;
    const minutes = seconds / 60;
    if (Number.isInteger(minutes) && minutes < 60 && 60 % minutes === 0) return `0 */${minutes} * * * *`;
    const hours = minutes / 60;
    if (Number.isInteger(hours) && hours <= 24 && 24 % hours === 0)
      return hours === 24 ? "0 0 0 * * *" : `0 0 */${hours} * * *`;
  }
  throw new RangeError(
    `A scheduler interval of ${intervalMs} ms does not divide a minute, an hour or a day evenly; use e.g. 15 minutes.`,
  );
}
