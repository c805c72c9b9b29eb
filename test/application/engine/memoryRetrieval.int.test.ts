import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveMemories } from "../../../src/application/engine/memoryRetrieval.ts";
import { readMemoryRecord } from "../../../src/application/memory/memoryRecords.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { UserMessageSent } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const agentId = "6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
const streamId = conversationStreamId(userId, agentId);
const namespace = memoryNamespace(userId, agentId);

describe("memory index and retrieval on PostgreSQL", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    // Replies are not needed here; only the memory reactors run on what the person says.
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    const now = h.clock.now();
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, now);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function say(text: string): Promise<{ messageId: string; revision: number }> {
    const messageId = await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    h.clock.advance(60_000);
    const event = (await h.store.readStream(streamId)).find(
      (e) => e.type === "UserMessageSent" && (e.data as UserMessageSent["data"]).messageId === messageId,
    )!;
    return { messageId, revision: event.revision };
  }

  async function indexed(text: string) {
    return eventually(async () => {
      const [vector] = await h.engine.embedder.embed([text]);
      const matches = await h.engine.vectorIndex.query(namespace, { vector: vector!, topK: 50 });
      return matches.find((m) => m.metadata.text === text);
    });
  }

  const recall = (message: { messageId: string; revision: number | null; text: string }) =>
    retrieveMemories(h.engine, { userId, agentId, message, recentTexts: [], personName: "Sam" });

  it("stores each fact with its kind, its source message and when it was said", async () => {
    const said = await say("Oh, I work as a nurse at St James's hospital. What are you up to?");
    const match = await indexed("Sam works as a nurse at St James's hospital");
    const record = readMemoryRecord(match.id, match.metadata);
    expect(record).toMatchObject({
      kind: "fact",
      factKind: "work",
      quote: "I work as a nurse at St James's hospital",
      sourceMessageIds: [said.messageId],
      fromRevision: said.revision,
      toRevision: said.revision,
    });
    expect(record?.at).toBe(new Date(record!.atMs).toISOString());
  });

  it("finds the job for “What do I do for a living?”, not the living-room lines", async () => {
    await say("I love my living room, it's painted yellow.");
    await say("I always read in the living room.");
    await indexed("Sam loves their living room, it's painted yellow");
    await indexed("Sam always reads in the living room");
    const asked = await say("What do I do for a living?");
    const memories = await recall({ ...asked, text: "What do I do for a living?" });
    expect(memories[0]?.text).toBe("Sam works as a nurse at St James's hospital");
  });

  it("never recalls a message in its own turn, even once its facts are indexed", async () => {
    const said = await say("My sister is called Ana and she lives in Lisbon.");
    await indexed("Sam's sister is called Ana and she lives in Lisbon");
    const own = await recall({ ...said, text: "My sister is called Ana and she lives in Lisbon." });
    expect(own.map((m) => m.text)).not.toContain("Sam's sister is called Ana and she lives in Lisbon");
    const later = await say("Do you remember my sibling's name?");
    const recalled = await recall({ ...later, text: "Do you remember my sibling's name?" });
    expect(recalled[0]?.text).toBe("Sam's sister is called Ana and she lives in Lisbon");
  });

  it("indexes a summary with the messages it covers, and its facts with their kinds", async () => {
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    const from = state.memory.lastCoveredRevision === null ? 0 : state.memory.lastCoveredRevision + 1;
    const covered = (await h.store.readStream(streamId)).filter(
      (e) => e.type === "UserMessageSent" && e.revision >= from && e.revision <= state.revision,
    );
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "SummarizeMemory",
        userId,
        agentId,
        summaryId: "0f0e0d0c-0b0a-4909-8807-060504030201",
        summary: "Sam talked about their work at the hospital and their sister in Lisbon.",
        facts: ["Sam's sister is called Ana and she lives in Lisbon", "Sam is saving up for a trip to Japan"],
        coversFromRevision: from,
        coversToRevision: state.revision,
        messageCount: covered.length,
        now: h.clock.now().toISOString(),
      },
      testContext(h.clock.now()),
    );
    const summary = readMemoryRecord(
      ...(await indexed("Sam talked about their work at the hospital and their sister in Lisbon.").then(
        (m) => [m.id, m.metadata] as const,
      )),
    );
    expect(summary).toMatchObject({ kind: "summary", fromRevision: from, toRevision: state.revision });
    expect(summary?.sourceMessageIds).toEqual(
      covered.map((e) => (e.data as UserMessageSent["data"]).messageId),
    );
    const trip = await indexed("Sam is saving up for a trip to Japan");
    expect(readMemoryRecord(trip.id, trip.metadata)?.factKind).toBe("plan");
    const sister = (
      await h.engine.vectorIndex.query(namespace, {
        vector: (await h.engine.embedder.embed(["Sam's sister is called Ana"]))[0]!,
        topK: 50,
        filter: { kind: { $eq: "fact" }, factKinds: { $in: ["person"] } },
      })
    ).filter((m) => m.metadata.text === "Sam's sister is called Ana and she lives in Lisbon");
    // The summary's fact repeats one remembered from the message: it is not recorded twice.
    expect(sister).toHaveLength(1);
    const asked = await say("Do you remember my sibling's name?");
    const memories = await recall({ ...asked, text: "Do you remember my sibling's name?" });
    expect(memories.filter((m) => m.text.includes("Ana"))).toHaveLength(1);
  });
});
