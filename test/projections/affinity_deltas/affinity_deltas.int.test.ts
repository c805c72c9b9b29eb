import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { affinityDeltasProjection } from "../../../projections/affinity_deltas/projection.ts";
import { listAffinityDeltas } from "../../../projections/affinity_deltas/queries.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { affinityChanged, at, sent, started } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

describe("affinity_deltas projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([affinityDeltasProjection]);
  });
  afterAll(() => h.close());

  it("records each change with its time, value and reason, filtered by time", async () => {
    const stream = conversationStreamId("u1", "noa");
    await h.append(stream, [started("u1", "noa"), sent("m1", "Hi", 1)], at(1));
    await h.append(stream, [affinityChanged(3, 3)], at(2));
    await h.append(stream, [affinityChanged(-1, 2)], at(5));
    await h.append(stream, [affinityChanged(2, 4)], at(9));
    await h.append(conversationStreamId("u2", "noa"), [started("u2", "noa"), affinityChanged(1, 1)], at(3));
    await h.settle();

    expect(await listAffinityDeltas(h.pool, { userId: "u1", agentId: "noa" })).toEqual([
      { at: at(2), delta: 3, requestedDelta: 3, value: 3, reason: "a kind word", revision: 2 },
      { at: at(5), delta: -1, requestedDelta: -1, value: 2, reason: "a sharp word", revision: 3 },
      { at: at(9), delta: 2, requestedDelta: 2, value: 4, reason: "a kind word", revision: 4 },
    ]);
    const window = await listAffinityDeltas(h.pool, { userId: "u1", agentId: "noa", from: at(5), to: at(9) });
    expect(window.map((p) => p.value)).toEqual([2]);
    expect(await listAffinityDeltas(h.pool, { userId: "u3", agentId: "noa" })).toEqual([]);
  });
});
