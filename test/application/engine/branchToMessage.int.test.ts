import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { branchFrom } from "../../../src/application/conversations/conversationTree.ts";
import { activePath, conversationDecider, findMessage } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "u-branch-to-message";
const agentId = "agent-branch-to-message";
const streamId = conversationStreamId(userId, agentId);

/**
 * Continuing from one of the person's own messages that was answered already: the agent answers
 * it again on the new branch, and the conversation goes on from there.
 */
describe("continuing from an answered message of the person", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness();
    await createTestAgent(h.engine.commands, { agentId, name: "Ada" }, h.clock.now());
  });
  afterAll(async () => h?.close());

  const deps = () => ({ commands: h.engine.commands, events: h.engine.events, bus: h.engine.bus });
  const meta = () => ({ actor: `user:${userId}`, requestId: null, now: h.clock.now() });

  /** The reply that ends the active path once it follows `messageId`. */
  async function answerOf(messageId: string): Promise<string> {
    return eventually(async () => {
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      const leaf = state.activeLeafId ? findMessage(state, state.activeLeafId) : undefined;
      return leaf?.kind === "reply" && leaf.parentId === messageId && leaf.status === "completed"
        ? leaf.id
        : undefined;
    }, 60_000);
  }

  async function send(text: string): Promise<string> {
    h.clock.advance(60_000);
    return sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
  }

  it("answers the message again, then the next one", async () => {
    const first = await send("My sister is called Lena and she lives in Porto.");
    const firstReply = await answerOf(first);
    const second = await send("I work as a nurse at night.");
    await answerOf(second);

    h.clock.advance(60_000);
    await branchFrom(deps(), { userId, agentId, messageId: first, clientRequestId: "back" }, meta());
    const again = await answerOf(first);
    expect(again).not.toBe(firstReply);

    const third = await send("What's my sister's name?");
    await answerOf(third);
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    expect(activePath(state)).toEqual([first, again, third, state.activeLeafId]);
  });
});
