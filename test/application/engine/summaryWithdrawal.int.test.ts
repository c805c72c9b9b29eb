import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryVectorId } from "../../../src/application/engine/memoryVectorIds.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "1c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const agentId = "2d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a";
const streamId = conversationStreamId(userId, agentId);
const namespace = memoryNamespace(userId, agentId);

describe("summaries drawn from a forgotten fact's message", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const address = () => ({ userId, agentId, now: h.clock.now().toISOString() });
  const run = (command: Parameters<EngineHarness["engine"]["commands"]["handle"]>[2], id: string) =>
    h.engine.commands.handle(conversationDecider, streamId, command as never, testContext(h.clock.now(), id));
  const withdrawals = async () =>
    (await h.store.readStream(streamId)).filter((e) => e.type === "MemorySummariesWithdrawn");
  async function indexedIds(): Promise<string[]> {
    const [vector] = await h.engine.embedder.embed(["Sam dog Rex cat Tom"]);
    return (await h.engine.vectorIndex.query(namespace, { vector: vector!, topK: 100 })).map((m) => m.id);
  }
  async function summarize(summaryId: string, text: string): Promise<string> {
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    const from = state.memory.lastCoveredRevision === null ? 0 : state.memory.lastCoveredRevision + 1;
    await run(
      {
        type: "SummarizeMemory",
        ...address(),
        summaryId,
        summary: text,
        facts: [],
        coversFromRevision: from,
        coversToRevision: state.revision,
        messageCount: 1,
      },
      summaryId,
    );
    const written = (await h.store.readStream(streamId)).find(
      (e) => e.type === "MemorySummarized" && (e.data as { summaryId: string }).summaryId === summaryId,
    );
    return summaryVectorId(written!.id);
  }

  async function factAbout(word: string): Promise<string> {
    return eventually(async () => {
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      return [...state.memoryFacts].find(([, fact]) => fact.text.includes(word))?.[0];
    }, 30_000);
  }

  it("withdraws a summary written from the message of a fact already forgotten, as it arrives", async () => {
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I have a dog called Rex." },
      h.clock.now(),
    );
    const factId = await factAbout("Rex");
    await run({ type: "ForgetMemoryFact", ...address(), factId, by: "person" }, "forget-rex");
    // Its writer read the message before the fact was forgotten.
    const late = await summarize("s-late", "Sam has a dog called Rex.");
    const [withdrawal] = await eventually(async () => {
      const found = await withdrawals();
      return found.length > 0 ? found : undefined;
    }, 30_000);
    expect(withdrawal!.data).toMatchObject({ factId, summaryIds: ["s-late"] });
    await eventually(async () => !(await indexedIds()).includes(late) || undefined, 30_000);
  });

  it("withdraws the summaries written from a fact's message once the fact is forgotten", async () => {
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I have a cat called Tom." },
      h.clock.now(),
    );
    const factId = await factAbout("Tom");
    const written = await summarize("s-tom", "Sam has a cat called Tom.");
    await eventually(async () => (await indexedIds()).includes(written) || undefined, 30_000);
    await run({ type: "ForgetMemoryFact", ...address(), factId, by: "person" }, "forget-tom");
    await eventually(async () => ((await withdrawals()).length > 1 ? true : undefined), 30_000);
    expect((await withdrawals())[1]!.data).toMatchObject({ factId, summaryIds: ["s-tom"] });
    await eventually(async () => !(await indexedIds()).includes(written) || undefined, 30_000);
  });
});
