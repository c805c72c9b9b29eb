import { Cron } from "croner";
import type { Clock } from "../../ports/clock.ts";
import type { Leases } from "../../ports/lease.ts";

export const SCHEDULER_LEASE = "scheduler";

export interface RunSchedulerOptions {
  clock: Clock;
  leases: Leases;
  /** Stops the loop (and releases the lease) when aborted. */
  signal: AbortSignal;
  tick: (now: Date) => Promise<unknown>;
  /** Time between ticks, a divisor of a minute, an hour or a day so ticks land on round times. Default 15 min. */
  intervalMs?: number;
  leaseName?: string;
  /** A failed tick is reported here and the loop carries on with the next one. */
  onError?: (error: unknown) => void;
  onLease?: (change: "acquired" | "lost" | "released") => void;
}

/**
 * Ticks on round times of the given clock (croner computes the next one, in UTC) while holding
 * the scheduler lease, so one instance ticks at a time. A simulated clock runs days in moments.
 */
export async function runScheduler(options: RunSchedulerOptions): Promise<void> {
  const { clock, leases, signal } = options;
  const cron = new Cron(cronPatternFor(options.intervalMs ?? 15 * 60_000), {
    timezone: "Etc/UTC",
    paused: true,
  });
  const name = options.leaseName ?? SCHEDULER_LEASE;
  while (!signal.aborted) {
    const lease = await leases.acquire(name, signal);
    if (!lease) return;
    options.onLease?.("acquired");
    const held = AbortSignal.any([signal, lease.lost]);
    try {
      while (!held.aborted) {
        const now = clock.now();
        const next = cron.nextRun(now);
        if (!next) return;
        await clock.sleep(next.getTime() - now.getTime(), held);
        if (held.aborted) break;
        try {
          await options.tick(new Date(Math.max(clock.now().getTime(), next.getTime())));
        } catch (error) {
          options.onError?.(error);
        }
      }
    } finally {
      if (lease.lost.aborted) options.onLease?.("lost");
      else {
        await lease.release();
        options.onLease?.("released");
      }
    }
  }
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
