import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { semanticMemoryProjection } from "../../../projections/semantic_memory/projection.ts";
import { listMemorySummaries } from "../../../projections/semantic_memory/queries.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { at, sent, started, summarized } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

describe("semantic_memory projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([semanticMemoryProjection]);
  });
  afterAll(() => h.close());

  it("keeps each conversation's summaries in the order they cover it", async () => {
    const stream = conversationStreamId("u1", "noa");
    await h.append(stream, [started("u1", "noa"), sent("m1", "Hi", 1), sent("m2", "I live in Leeds", 2)]);
    await h.append(stream, [summarized("s1", 0, 2)], at(3));
    await h.append(stream, [sent("m3", "I like coffee", 4), summarized("s2", 3, 4)], at(5));
    await h.settle();

    const summaries = await listMemorySummaries(h.pool, { userId: "u1", agentId: "noa" });
    expect(summaries).toEqual([
      {
        id: "s1",
        streamId: stream,
        summary: "What happened between revisions 0 and 2.",
        facts: ["likes coffee", "lives in Leeds"],
        coversFromRevision: 0,
        coversToRevision: 2,
        messageCount: 3,
        summarizedAt: at(3),
      },
      expect.objectContaining({ id: "s2", coversFromRevision: 3, coversToRevision: 4, summarizedAt: at(5) }),
    ]);
    expect(await listMemorySummaries(h.pool, { userId: "u2", agentId: "noa" })).toEqual([]);
  });

  it("drops the summaries withdrawn for a forgotten fact, and only those", async () => {
    const stream = conversationStreamId("u3", "noa");
    await h.append(stream, [started("u3", "noa"), sent("m1", "My dog is called Rex", 1)]);
    await h.append(stream, [summarized("s1", 0, 1)], at(2));
    await h.append(stream, [sent("m2", "I like tea", 3), summarized("s2", 2, 3)], at(4));
    await h.append(stream, [
      {
        type: "MemorySummariesWithdrawn",
        data: { factId: "f1", summaryIds: ["s1"], withdrawnAt: at(5) },
      },
    ]);
    await h.settle();

    const summaries = await listMemorySummaries(h.pool, { userId: "u3", agentId: "noa" });
    expect(summaries.map((s) => s.id)).toEqual(["s2"]);
  });
});
