import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageIdFor } from "../../../src/application/conversations/messageIds.ts";
import { PersonaEngine } from "../../../src/application/persona/personaEngine.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { AgentReplyCompleted } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent, testContext } from "../../support/testCommands.ts";

const userId = "5e6f7081-9203-4a4b-8c5d-6e7f80910213";
const agentId = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const streamId = conversationStreamId(userId, agentId);
const context = (h: EngineHarness) => testContext(h.clock.now());

describe("a reply cut off by a crash", () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await startEngineHarness({
      strategies: { replies: new PersonaEngine({ tokenDelayMs: 150 }) },
      drainMs: 100,
    });
    await createTestAgent(
      h.engine.commands,
      {
        agentId,
        name: "Jun",
        persona: {
          summary: "A night-owl sound engineer.",
          traits: ["calm"],
          speakingStyle: "Low-key.",
          backstory: "",
          interests: ["synths"],
        },
        identity: { homeCity: "Osaka", occupation: "Sound engineer", timezone: "Asia/Tokyo", latitude: 34.7 },
        appearancePrompt: "Short black hair, headphones around the neck.",
      },
      h.clock.now(),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is written again after the restart and stored exactly once", async () => {
    let firstDelta = false;
    const listening = new AbortController();
    void (async () => {
      for await (const message of h.bus.subscribe(topics.conversation(userId, agentId), listening.signal)) {
        if (message.kind === "reply.delta") firstDelta = true;
      }
    })();
    const clientMessageId = randomUUID();
    const messageId = messageIdFor(userId, agentId, clientMessageId);
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "SendMessage",
        userId,
        agentId,
        messageId,
        clientMessageId,
        text: "Tell me about your day in detail, please.",
        now: h.clock.now().toISOString(),
      },
      context(h),
    );
    await eventually(async () => firstDelta);
    await h.stopReactors();
    const cut = await h.store.readStream(streamId);
    expect(cut.map((e) => e.type)).toEqual(["ConversationStarted", "UserMessageSent", "AgentReplyStarted"]);
    h.startReactors();
    const completed = await eventually(async () => {
      const events = await h.store.readStream(streamId);
      return events.some((e) => e.type === "AgentReplyCompleted") ? events : undefined;
    }, 30_000);
    const replies = completed.filter((e) => e.type === "AgentReplyCompleted");
    expect(replies).toHaveLength(1);
    expect((replies[0]!.data as AgentReplyCompleted["data"]).inReplyTo).toBe(messageId);
    expect(completed.filter((e) => e.type === "AgentReplyStarted")).toHaveLength(1);
    listening.abort();
  }, 60_000);
});
