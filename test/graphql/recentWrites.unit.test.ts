import type { CommonQueryMethods } from "slonik";
import { describe, expect, it } from "vitest";
import { RecentWrites } from "../../src/graphql/recentWrites.ts";

/** A read model whose checkpoints are given in turn, one per query; counts the queries and pauses. */
function harness(checkpoints: (string | null | "failed" | "no state")[]) {
  let clock = 0;
  const seen = { queries: 0, pauses: [] as number[] };
  const readModels = {
    maybeOne: async () => {
      seen.queries++;
      const checkpoint = checkpoints.length > 1 ? checkpoints.shift()! : checkpoints[0]!;
      if (checkpoint === "no state") return null;
      if (checkpoint === "failed") return { status: "failed", position: "1" };
      return { status: "idle", position: checkpoint };
    },
  } as unknown as CommonQueryMethods;
  const writes = new RecentWrites({
    readModels,
    comparePositions: (a, b) => Number(a) - Number(b),
    now: () => clock,
    pause: async (ms) => {
      seen.pauses.push(ms);
      clock += ms;
    },
  });
  return { writes, seen, advance: (ms: number) => (clock += ms) };
}

describe("RecentWrites", () => {
  it("reads a stream this process did not write to just now at once", async () => {
    const { writes, seen } = harness(["1"]);
    await writes.shown("messages", "conversation-a", undefined);
    expect(seen.queries).toBe(0);
  });

  it("waits until the projection has passed this process's write, then forgets it", async () => {
    const { writes, seen } = harness(["3", "4", "7"]);
    writes.wrote("conversation-a", "6");
    await writes.shown("messages", "conversation-a");
    expect(seen.queries).toBe(3);
    expect(seen.pauses).toEqual([5, 10]);
    await writes.shown("messages", "conversation-a");
    expect(seen.queries).toBe(3);
  });

  it("waits for the newest write of the stream only, and not for other streams", async () => {
    const { writes, seen } = harness(["5"]);
    writes.wrote("conversation-a", "4");
    writes.wrote("conversation-a", "5");
    writes.wrote("conversation-b", "9");
    await writes.shown("messages", "conversation-a");
    expect(seen).toEqual({ queries: 1, pauses: [] });
  });

  it("waits, for a list, for the newest write to any stream of its kind", async () => {
    const { writes, seen } = harness(["3", "8"]);
    writes.wrote("agent-a", "4");
    writes.wrote("agent-b", "8");
    writes.wrote("conversation-a", "9");
    await writes.shownAny("agents", "agent");
    expect(seen.queries).toBe(2);
    await writes.shownAny("lorebooks", "lorebook");
    expect(seen.queries).toBe(2);
  });

  it("gives up after two seconds, and keeps the write for the next read", async () => {
    const { writes, seen } = harness(["1"]);
    writes.wrote("conversation-a", "6");
    await writes.shown("messages", "conversation-a");
    expect(seen.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(2_000);
    const before = seen.queries;
    await writes.shown("messages", "conversation-a");
    expect(seen.queries).toBeGreaterThan(before);
  });

  it("does not wait for a projection that stopped on a failure", async () => {
    const { writes, seen } = harness(["failed"]);
    writes.wrote("conversation-a", "6");
    await writes.shown("messages", "conversation-a");
    expect(seen).toEqual({ queries: 1, pauses: [] });
  });

  it("waits, on a first start, for a projection that has no state or checkpoint yet", async () => {
    const { writes, seen } = harness(["no state", null, "6"]);
    writes.wrote("agent-a", "6");
    await writes.shown("agents", "agent-a");
    expect(seen).toEqual({ queries: 3, pauses: [5, 10] });
  });

  it("waits longer, up to ten seconds, while a first start's projection has no checkpoint", async () => {
    const { writes, seen } = harness([null]);
    writes.wrote("agent-a", "6");
    await writes.shown("agents", "agent-a");
    expect(seen.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(10_000);
  });

  it("takes a write older than ten seconds as shown", async () => {
    const { writes, seen, advance } = harness(["1"]);
    writes.wrote("conversation-a", "6");
    advance(10_001);
    await writes.shown("messages", "conversation-a");
    expect(seen.queries).toBe(0);
  });
});
