import { describe, expect, it } from "vitest";
import { cronPatternFor, runScheduler } from "../../../src/application/life/runScheduler.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { MemoryLeases } from "../../support/memoryLeases.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";

const logger = createLogger({ level: "silent" });

describe("runScheduler", () => {
  it("ticks on every quarter hour of the simulated clock: a week in moments", async () => {
    const clock = new SimulatedClock("2025-10-20T00:07:00Z");
    const stop = new AbortController();
    const ticks: string[] = [];
    await runScheduler({
      clock,
      leases: new MemoryLeases(),
      logger,
      signal: stop.signal,
      tick: async (now) => {
        ticks.push(now.toISOString());
        if (ticks.length === 7 * 96) stop.abort();
      },
    });
    expect(ticks[0]).toBe("2025-10-20T00:15:00.000Z");
    expect(ticks.at(-1)).toBe("2025-10-27T00:00:00.000Z");
    for (let i = 1; i < ticks.length; i++)
      expect(Date.parse(ticks[i]!) - Date.parse(ticks[i - 1]!)).toBe(900_000);
  });

  it("lets one instance tick at a time, and another take over when it stops or loses the lease", async () => {
    const clock = new SimulatedClock("2025-10-20T00:00:00Z", { mode: "manual" });
    const leases = new MemoryLeases();
    const ticks: { who: string; at: string }[] = [];
    const run = (who: string, signal: AbortSignal) =>
      runScheduler({
        clock,
        leases,
        logger,
        signal,
        tick: async (now) => {
          ticks.push({ who, at: now.toISOString() });
        },
      });
    const stopA = new AbortController();
    const stopB = new AbortController();
    const a = run("a", stopA.signal);
    const b = run("b", stopB.signal);
    await clock.advance(0);
    await clock.advance(3_600_000);
    expect(ticks.map((t) => t.who)).toEqual(["a", "a", "a", "a"]);
    stopA.abort();
    await a;
    await clock.advance(0);
    await clock.advance(3_600_000);
    expect(ticks.slice(4).map((t) => t.who)).toEqual(["b", "b", "b", "b"]);
    leases.lose("scheduler");
    await clock.advance(0);
    await clock.advance(3_600_000);
    expect(ticks).toHaveLength(12);
    expect(new Set(ticks.map((t) => t.at)).size).toBe(12);
    stopB.abort();
    await b;
    expect(leases.holders.size).toBe(0);
  });

  it("carries on after a failed tick", async () => {
    const clock = new SimulatedClock("2025-10-20T00:00:00Z");
    const stop = new AbortController();
    const errors: unknown[] = [];
    let count = 0;
    await runScheduler({
      clock,
      leases: new MemoryLeases(),
      logger,
      signal: stop.signal,
      intervalMs: 60_000,
      onError: (error) => errors.push(error),
      tick: async () => {
        count++;
        if (count === 2) throw new Error("provider down");
        if (count === 4) stop.abort();
      },
    });
    expect(count).toBe(4);
    expect(errors).toHaveLength(1);
  });

  it("turns intervals into aligned cron patterns", () => {
    expect(cronPatternFor(15 * 60_000)).toBe("0 */15 * * * *");
    expect(cronPatternFor(10_000)).toBe("*/10 * * * * *");
    expect(cronPatternFor(2 * 3_600_000)).toBe("0 0 */2 * * *");
    expect(() => cronPatternFor(7 * 60_000)).toThrow(/does not divide/);
  });
});
