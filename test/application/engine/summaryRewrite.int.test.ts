import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MemorySummaryWriter,
  ruleSummaryWriter,
  type SummaryLine,
} from "../../../src/application/engine/memorySummaryWriter.ts";
import { summaryVectorId } from "../../../src/application/engine/memoryVectorIds.ts";
import { rewriteWithdrawnSummaries } from "../../../src/application/engine/summaryRewrite.ts";
import type { StoredEventOf } from "../../../src/application/eventLog.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "6e0f4a31-8c92-4d5f-a071-9c0d1e2f3a4b";
const agentId = "7f1a5b42-9da3-4e60-b182-0d1e2f3a4b5c";
const streamId = conversationStreamId(userId, agentId);

/** The rule writer, keeping the lines of each summary it writes. */
const written: SummaryLine[][] = [];
const recordingWriter: MemorySummaryWriter = {
  summarize: (lines, names, signal) => {
    written.push([...lines]);
    return ruleSummaryWriter.summarize(lines, names, signal);
  },
};

describe("a summary withdrawn after a fact was forgotten (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({
      settings: { summarizeEvery: 4 },
      strategies: { summaries: recordingWriter },
    });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const summaries = async () =>
    (await h.store.readStream(streamId)).filter(
      (e): e is StoredEventOf<"MemorySummarized"> => e.type === "MemorySummarized",
    );
  const send = (text: string) => sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());

  it("is written again from the stretch's other messages, without the forgotten fact", async () => {
    await send("I have a dog called Rex.");
    await send("I work as a nurse.");
    const [original] = await eventually(async () => {
      const found = await summaries();
      return found.length > 0 ? found : undefined;
    }, 60_000);
    expect(original!.data.facts.some((fact) => fact.includes("Rex"))).toBe(true);
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    const [factId, fact] = [...state.memoryFacts].find(([, f]) => f.text.includes("Rex"))!;
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      { type: "ForgetMemoryFact", userId, agentId, factId, by: "person", now: h.clock.now().toISOString() },
      testContext(h.clock.now(), `user:${userId}`),
    );

    const rewrite = await eventually(
      async () => (await summaries()).find((e) => e.data.rewrites === original!.data.summaryId),
      60_000,
    );
    expect(rewrite.data).toMatchObject({
      leavesOut: fact.sourceMessageIds,
      coversFromRevision: original!.data.coversFromRevision,
      coversToRevision: original!.data.coversToRevision,
      causedBy: original!.data.causedBy,
    });
    expect(rewrite.data.facts.some((f) => f.includes("nurse"))).toBe(true);
    expect(JSON.stringify(rewrite.data)).not.toMatch(/Rex|dog/);
    // Written from the other message and the agent's answer to it, not from the answer about Rex.
    const lines = written.at(-1)!;
    expect(lines.map((line) => line.author)).toEqual(["person", "agent"]);
    expect(lines[0]!.text).toBe("I work as a nurse.");
    expect(written[0]!.length).toBe(4);

    // What the agent recalls holds the rewrite in place of the withdrawn summary.
    const [vector] = await h.engine.embedder.embed(["nurse work"]);
    const recalled = async () =>
      (
        await h.engine.vectorIndex.query(memoryNamespace(userId, agentId), { vector: vector!, topK: 100 })
      ).map((m) => m.id);
    await eventually(
      async () => (await recalled()).includes(summaryVectorId(rewrite.id)) || undefined,
      30_000,
    );
    expect(await recalled()).not.toContain(summaryVectorId(original!.id));

    // Handling the withdrawal again writes no second rewrite.
    const withdrawal = (await h.store.readStream(streamId)).find(
      (e): e is StoredEventOf<"MemorySummariesWithdrawn"> => e.type === "MemorySummariesWithdrawn",
    )!;
    await rewriteWithdrawnSummaries(h.engine, withdrawal);
    expect((await summaries()).filter((e) => e.data.rewrites !== undefined)).toHaveLength(1);
  }, 120_000);
});
