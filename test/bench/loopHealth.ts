import { constants, monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";
import pg from "pg";
import { percentile } from "./support.ts";

/** What held the main thread, or a connection, while a load ran. */
export interface LoopHealth {
  /** Event-loop delay: how late a timer due every millisecond ran (ms). */
  delayP50: number;
  delayP99: number;
  delayMax: number;
  /** Event-loop utilisation: the share of the time the thread was busy rather than waiting. */
  utilisation: number;
  gcMs: number;
  /** Of which scavenges of the young generation. */
  scavengeMs: number;
  gcPauses: number;
  longestGcMs: number;
  /** Waits for a connection of the raw `pg` pools (ms), each checkout one. */
  poolWaits: number[];
}

const originalConnect = pg.Pool.prototype.connect;

/**
 * Starts watching the event loop, garbage collection and the `pg` pools' checkouts of this process;
 * `stop` says what was seen since. One watch at a time.
 */
export function watchLoopHealth(): { stop(): LoopHealth } {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const eluStart = performance.eventLoopUtilization();
  const gcs: number[] = [];
  let scavengeMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.push(entry.duration);
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
        scavengeMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const poolWaits: number[] = [];
  type Connect = (this: pg.Pool, callback?: (...args: unknown[]) => void) => unknown;
  const connect = originalConnect as unknown as Connect;
  const timedConnect: Connect = function (callback) {
    const asked = performance.now();
    const took = () => poolWaits.push(performance.now() - asked);
    if (callback)
      return connect.call(this, (...args: unknown[]) => {
        took();
        callback(...args);
      });
    return (connect.call(this) as Promise<pg.PoolClient>).finally(took);
  };
  pg.Pool.prototype.connect = timedConnect as unknown as typeof originalConnect;
  return {
    stop: () => {
      delay.disable();
      observer.disconnect();
      pg.Pool.prototype.connect = originalConnect;
      const ms = (ns: number) => ns / 1e6;
      return {
        delayP50: ms(delay.percentile(50)),
        delayP99: ms(delay.percentile(99)),
        delayMax: ms(delay.max),
        utilisation: performance.eventLoopUtilization(eluStart).utilization,
        gcMs: gcs.reduce((a, b) => a + b, 0),
        scavengeMs,
        gcPauses: gcs.length,
        longestGcMs: Math.max(0, ...gcs),
        poolWaits,
      };
    },
  };
}

/** The lines a bench prints for what it saw. */
export function loopHealthLines(health: LoopHealth) {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    {
      name: "event-loop delay p50 / p99 / max",
      value: `${ms(health.delayP50)} / ${ms(health.delayP99)} / ${ms(health.delayMax)}`,
    },
    { name: "event-loop utilisation", value: `${(health.utilisation * 100).toFixed(0)}%` },
    {
      name: "garbage collection",
      value: `${ms(health.gcMs)} in ${health.gcPauses} pauses (scavenges ${ms(health.scavengeMs)}), longest ${ms(health.longestGcMs)}`,
    },
    {
      name: "pg connection wait p50 / p99 (checkouts)",
      value: `${ms(percentile(health.poolWaits, 50))} / ${ms(percentile(health.poolWaits, 99))} (${health.poolWaits.length})`,
    },
  ];
}
