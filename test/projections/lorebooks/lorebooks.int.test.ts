import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentsProjection } from "../../../projections/agents/projection.ts";
import { lorebooksProjection } from "../../../projections/lorebooks/projection.ts";
import {
  agentsReadingLorebook,
  getLorebook,
  listLorebooks,
  lorebooksForAgent,
} from "../../../projections/lorebooks/queries.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import type { LorebookEvent } from "../../../src/domain/lorebook/events.ts";
import { agentStreamId, lorebookStreamId } from "../../../src/domain/streamIds.ts";
import { createAgent } from "../../domain/agent/fixtures.ts";
import { added, created, entry } from "../../domain/lorebook/fixtures.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const later = "2025-03-04T12:00:00.000Z";
const book = (id: string, name: string): LorebookEvent[] => [
  { ...created, data: { ...created.data, lorebookId: id, name } },
  ...[added("1"), added("2"), added("3")].map(
    (e) => ({ ...e, data: { ...e.data, lorebookId: id } }) as LorebookEvent,
  ),
];

describe("lorebooks projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([agentsProjection, lorebooksProjection]);
  });
  afterAll(() => h.close());

  it("projects books, entries in the order added, edits, removals and deletion; and what an agent reads", async () => {
    await h.append(lorebookStreamId("b1"), book("b1", "Ravenhold"));
    await h.append(
      lorebookStreamId("b1"),
      [
        { type: "LorebookEntryUpdated", data: { lorebookId: "b1", entry: entry("1", { constant: true }) } },
        { type: "LorebookEntryRemoved", data: { lorebookId: "b1", entryId: "2" } },
        { type: "LorebookEntryAdded", data: { lorebookId: "b1", entry: entry("0") } },
        {
          type: "LorebookDetailsUpdated",
          data: {
            lorebookId: "b1",
            name: "Ravenhold lore",
            description: "The city.",
            settings: { scanDepth: 4, tokenBudget: 500, recursiveScanning: true },
          },
        },
      ],
      later,
    );
    await h.append(lorebookStreamId("b2"), book("b2", "Trams"));
    await h.append(lorebookStreamId("b3"), [
      ...book("b3", "Gone"),
      { type: "LorebookDeleted", data: { lorebookId: "b3", deletedBy: "admin-1", deletedAt: later } },
    ]);
    const agentEvents: AgentEvent[] = [
      ...agentDecider.decide(createAgent, agentDecider.initialState()),
      { type: "AgentLorebookAttached", data: { agentId: createAgent.agentId, lorebookId: "b2" } },
      { type: "AgentLorebookAttached", data: { agentId: createAgent.agentId, lorebookId: "b3" } },
      { type: "AgentLorebookAttached", data: { agentId: createAgent.agentId, lorebookId: "b1" } },
    ];
    await h.append(agentStreamId(createAgent.agentId), agentEvents);
    await h.settle();

    expect((await listLorebooks(h.pool)).map((b) => [b.id, b.name, b.entryCount])).toEqual([
      ["b1", "Ravenhold lore", 3],
      ["b2", "Trams", 3],
    ]);
    expect((await listLorebooks(h.pool, { includeDeleted: true })).map((b) => b.id)).toEqual([
      "b3",
      "b1",
      "b2",
    ]);
    const b1 = await getLorebook(h.pool, { id: "b1" });
    expect(b1).toMatchObject({
      description: "The city.",
      settings: { scanDepth: 4, tokenBudget: 500, recursiveScanning: true },
      status: "active",
      source: "manual",
      updatedAt: later,
      revision: 7,
    });
    expect(b1?.entries.map((e) => [e.entryId, e.constant])).toEqual([
      ["1", true],
      ["3", false],
      ["0", false],
    ]);
    expect(await getLorebook(h.pool, { id: "b3" })).toMatchObject({ status: "deleted", deletedAt: later });
    expect(await getLorebook(h.pool, { id: "nope" })).toBeNull();

    const read = await lorebooksForAgent(h.pool, { agentId: createAgent.agentId });
    expect(read.map((b) => [b.id, b.entries.length])).toEqual([
      ["b2", 3],
      ["b1", 3],
    ]);
    expect(await lorebooksForAgent(h.pool, { agentId: "nobody" })).toEqual([]);
    expect(await agentsReadingLorebook(h.pool, { id: "b1" })).toEqual([createAgent.agentId]);
    expect(await agentsReadingLorebook(h.pool, { id: "b9" })).toEqual([]);
  });
});
