import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { PostgresCheckpointStore } from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { branchFrom, chooseAlternative } from "../../../src/application/conversations/conversationTree.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { activePath, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { committedHead } from "../../support/committedHead.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";
import { createTestAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "u-branch-memory";
const agentId = "agent-branch-memory";
const streamId = conversationStreamId(userId, agentId);
const FACT = "I have a golden retriever named Biscuit.";
const QUESTION = "What is my dog called?";

/**
 * A fact planted on one branch is the agent's memory on that branch only: the prompt sent to the
 * model (an OpenAI-compatible endpoint) is read for it on each side.
 */
describe("memory along the active path", () => {
  let fake: OpenAiFake;
  let h: EngineHarness;

  beforeAll(async () => {
    fake = await startOpenAiFake();
    const replyModel = new OpenAiReplyModel({ apiKey: fake.apiKey, baseURL: fake.url, model: "gpt-test" });
    // Summaries every few messages, so each branch has its own.
    h = await startEngineHarness({
      strategies: { replies: modelReplyComposer(replyModel) },
      settings: { summarizeEvery: 2 },
    });
    await createTestAgent(h.engine.commands, { agentId, name: "Ada" }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  const deps = () => ({ commands: h.engine.commands, events: h.engine.events, bus: h.engine.bus });
  const meta = () => ({ actor: `user:${userId}`, requestId: null, now: h.clock.now() });

  async function turn(text: string): Promise<{ messageId: string; replyId: string; prompt: string }> {
    h.clock.advance(60_000);
    const asked = fake.requests.length;
    const messageId = await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    const replyId = await eventually(async () => {
      const events = await h.events.readStream(streamId, { direction: "backwards", maxCount: 20 });
      for (const e of events)
        if (e.type === "AgentReplyCompleted" && e.data.inReplyTo === messageId) return e.data.replyId;
      return undefined;
    }, 60_000);
    await memoryCaughtUp();
    const prompt = fake.requests
      .slice(asked)
      .map((r) => JSON.stringify(r.body.messages))
      .join("\n");
    return { messageId, replyId, prompt };
  }

  async function memoryCaughtUp(): Promise<void> {
    const checkpoints = new PostgresCheckpointStore(h.raw);
    const head = await committedHead(h.raw);
    await eventually(async () => {
      for (const name of ["reply", "memory-summary", "memory-index"]) {
        const at = await checkpoints.load(name);
        if (!at || h.store.comparePositions(at, head) < 0) return false;
      }
      return true;
    }, 60_000);
  }

  /** The summaries written after `afterMessageId` on the path shown now. */
  async function summariesCausedOn(afterMessageId: string): Promise<string[]> {
    const events = await h.events.readStream(streamId);
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    const path = activePath(state);
    const after = path.slice(path.indexOf(afterMessageId) + 1);
    return events.flatMap((e) =>
      e.type === "MemorySummarized" && after.includes(e.data.causedBy ?? "")
        ? [e.data.summary, ...e.data.facts]
        : [],
    );
  }

  it("recalls a fact on the branch it was told on, and not on a branch from before it", async () => {
    const first = await turn("Hi! How was your morning?");
    const planted = await turn(FACT);
    expect((await turn("Tell me something nice.")).prompt).toContain("Biscuit");

    await branchFrom(deps(), { userId, agentId, messageId: first.replyId, clientRequestId: "to-b" }, meta());
    await turn("I spent the afternoon reading in the park.");
    await turn("Then I cooked pasta for dinner.");
    const summaries = await summariesCausedOn(first.replyId);
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary).not.toMatch(/Biscuit|retriever/);
    const onB = await turn(QUESTION);
    expect(onB.prompt).toContain(QUESTION);
    expect(onB.prompt).not.toContain("Biscuit");
    expect(onB.prompt).not.toContain("retriever");

    await chooseAlternative(
      deps(),
      { userId, agentId, messageId: planted.messageId, clientRequestId: "to-a" },
      meta(),
    );
    const onA = await turn(QUESTION);
    expect(onA.prompt).toContain("Biscuit");
  });
});
