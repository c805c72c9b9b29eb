import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryFactsProjection } from "../../../projections/memory_facts/projection.ts";
import { listMemoryFacts } from "../../../projections/memory_facts/queries.ts";
import { messagesProjection } from "../../../projections/messages/projection.ts";
import { agentId, userId } from "../../domain/conversation/fixtures.ts";
import { Story } from "../../domain/conversation/story.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";
import { storyProjection } from "../storyProjection.ts";

const stream = conversationStreamId(userId, agentId);

describe("memory_facts: what the agent remembers on the path shown", () => {
  let h: ProjectionHarness;
  const story = new Story();
  const project = storyProjection(() => h, stream, story);
  const listed = async (allBranches = false) =>
    (await listMemoryFacts(h.pool, { userId, agentId, allBranches })).map((fact) => fact.text);
  const remember = (factId: string, text: string, messageId: string) =>
    story.run({ type: "RecordMemoryFact", factId, text, kind: "pet", sourceMessageIds: [messageId] });

  beforeAll(async () => {
    h = await startProjectionHarness([messagesProjection, memoryFactsProjection]);
  });
  afterAll(() => h.close());

  it("leaves out facts told on another branch or in a hidden message, and lists them all when asked", async () => {
    story.send("m1", "I have a dog called Biscuit").reply("r1", "m1", "Biscuit!");
    remember("f1", "Sam has a dog called Biscuit", "m1");
    story.send("m2", "I live in Porto").reply("r2", "m2", "Porto!");
    remember("f2", "Sam lives in Porto", "m2");
    await project();
    expect(await listed()).toEqual(["Sam has a dog called Biscuit", "Sam lives in Porto"]);

    story.edit("m1", "e1", "I have a cat called Luna").reply("re1", "e1", "Luna!");
    remember("f3", "Sam has a cat called Luna", "e1");
    await project();
    expect(await listed()).toEqual(["Sam has a cat called Luna"]);
    expect(await listed(true)).toEqual([
      "Sam has a dog called Biscuit",
      "Sam lives in Porto",
      "Sam has a cat called Luna",
    ]);

    story.choose("m1");
    await project();
    expect(await listed()).toEqual(["Sam has a dog called Biscuit", "Sam lives in Porto"]);

    story.run({ type: "HideMessage", messageId: "m2", clientRequestId: "h2" });
    await project();
    expect(await listed()).toEqual(["Sam has a dog called Biscuit"]);
    expect(await listed(true)).toHaveLength(3);
  });
});
