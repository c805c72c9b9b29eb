import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryFactsProjection } from "../../../projections/memory_facts/projection.ts";
import { listMemoryFacts } from "../../../projections/memory_facts/queries.ts";
import { messagesProjection } from "../../../projections/messages/projection.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { at, sent, started } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const recorded = (factId: string, text: string, messageId: string, minute: number): ConversationEvent => ({
  type: "MemoryFactRecorded",
  data: { factId, text, kind: "pet", sourceMessageIds: [messageId], recordedAt: at(minute) },
});

describe("memory_facts projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([messagesProjection, memoryFactsProjection]);
  });
  afterAll(() => h.close());

  it("lists remembered facts as they stand: corrected text, no forgotten ones, per person", async () => {
    const stream = conversationStreamId("u1", "noa");
    await h.append(stream, [
      started("u1", "noa"),
      sent("m1", "I have a dog called Biscuit and a cat called Tom", 1),
    ]);
    await h.append(stream, [
      recorded("f1", "Sam has a dog called Biscuit", "m1", 2),
      recorded("f2", "Sam has a cat called Tom", "m1", 2),
      recorded("f3", "Sam has a hamster", "m1", 3),
    ]);
    await h.append(stream, [
      {
        type: "MemoryFactCorrected",
        data: { factId: "f2", text: "Sam has a cat called Tomas", by: "person", correctedAt: at(5) },
      },
      { type: "MemoryFactForgotten", data: { factId: "f3", by: "admin", forgottenAt: at(6) } },
    ]);
    const other = conversationStreamId("u2", "noa");
    await h.append(other, [
      started("u2", "noa"),
      sent("m9", "I have a parrot", 1),
      recorded("f9", "Jo has a parrot", "m9", 2),
    ]);
    await h.settle();

    expect(await listMemoryFacts(h.pool, { userId: "u1", agentId: "noa" })).toEqual([
      {
        id: "f1",
        text: "Sam has a dog called Biscuit",
        kind: "pet",
        recordedAt: at(2),
        correctedAt: null,
        sourceMessageIds: ["m1"],
      },
      {
        id: "f2",
        text: "Sam has a cat called Tomas",
        kind: "pet",
        recordedAt: at(2),
        correctedAt: at(5),
        sourceMessageIds: ["m1"],
      },
    ]);
    expect((await listMemoryFacts(h.pool, { userId: "u2", agentId: "noa" })).map((f) => f.text)).toEqual([
      "Jo has a parrot",
    ]);
    expect(await listMemoryFacts(h.pool, { userId: "u1", agentId: "other" })).toEqual([]);
  });
});
