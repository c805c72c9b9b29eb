import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationsProjection } from "../../../projections/conversations/projection.ts";
import { listAllAgentIdsOfUser } from "../../../projections/conversations/queries.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { at, started } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

// More than the 200 conversations one page of the API's conversation list shows.
const COUNT = 230;
const agentIds = Array.from({ length: COUNT }, (_, i) => `agent-${String(i).padStart(3, "0")}`);

describe("every agent a person talks with, for erasure and export", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([conversationsProjection]);
    for (const agentId of agentIds)
      await h.append(conversationStreamId("many", agentId), [started("many", agentId)], at(1));
    await h.append(conversationStreamId("other", "agent-x"), [started("other", "agent-x")], at(1));
    await h.settle();
  }, 120_000);
  afterAll(() => h.close());

  it("finds all of them, page after page, and no one else's", async () => {
    const found = await listAllAgentIdsOfUser(h.pool, { userId: "many" });
    expect(found.toSorted()).toEqual(agentIds);
    const inSmallPages = await listAllAgentIdsOfUser(h.pool, { userId: "many", pageSize: 23 });
    expect(inSmallPages.toSorted()).toEqual(agentIds);
    expect(new Set(inSmallPages).size).toBe(COUNT);
  });

  it("finds none for a person without conversations and one for a person with one", async () => {
    expect(await listAllAgentIdsOfUser(h.pool, { userId: "nobody" })).toEqual([]);
    expect(await listAllAgentIdsOfUser(h.pool, { userId: "other", pageSize: 1 })).toEqual(["agent-x"]);
  });
});
