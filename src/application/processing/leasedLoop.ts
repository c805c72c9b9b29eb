import type { Logger } from "../../observability/logger.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Leases } from "../../ports/lease.ts";

export interface LeasedLoopDependencies {
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

/**
 * Work that one process at a time does (or every process, without a lease): the projector, each
 * reactor, the life scheduler and the API's live event feed are all run by `runLeased`.
 */
export interface LeasedLoop {
  readonly name: string;
  /** The lease that lets one instance run at a time; null runs it in every process. */
  readonly lease: string | null;
  /**
   * One turn of the work while the lease is held; it runs again until the signal aborts. The
   * signal aborts on shutdown and when the lease is lost; `lost` only when the lease is lost, so
   * work can finish on shutdown but stops at once when another instance may have taken over.
   */
  run(signal: AbortSignal, lost: AbortSignal): Promise<void>;
  /** After the lease is given up or lost, before it is sought again. */
  released?(): Promise<void>;
  /** How loud a failed turn is: a loop that expects interruptions (a resubscription) says `warn`. */
  readonly errorLevel?: "warn" | "error";
}

export interface LeasedLoopOptions {
  /** The pause on the clock after a turn failed, before the lease is sought again. */
  restartAfterMs?: number;
}

/**
 * Holds the loop's lease and runs its turns until the signal aborts; a turn that fails is logged,
 * the lease is given up, and after a pause on the clock another instance (or this one) takes over.
 */
export async function runLeased(
  loop: LeasedLoop,
  deps: LeasedLoopDependencies,
  signal: AbortSignal,
  options: LeasedLoopOptions = {},
): Promise<void> {
  const logger = deps.logger.child({ loop: loop.name });
  const restartAfterMs = options.restartAfterMs ?? 1_000;
  while (!signal.aborted) {
    const lease = loop.lease === null ? null : await deps.leases.acquire(loop.lease, signal);
    if (loop.lease !== null && !lease) return;
    if (lease) logger.info(`${loop.name} lease acquired`);
    const lost = lease?.lost ?? new AbortController().signal;
    const held = lease ? AbortSignal.any([signal, lost]) : signal;
    let failed = false;
    try {
      while (!held.aborted) await loop.run(held, lost);
    } catch (error) {
      if (!held.aborted) {
        failed = true;
        logger[loop.errorLevel ?? "error"](
          { err: error },
          `${loop.name} stopped on an error; starting again`,
        );
      }
    } finally {
      await loop.released?.().catch((error) => logger.warn({ err: error }, `${loop.name} did not wind down`));
      if (lease && !lease.lost.aborted) await lease.release();
      else if (lease) logger.warn(`${loop.name} lease lost`);
    }
    if (failed) await deps.clock.sleep(restartAfterMs, signal);
  }
}
