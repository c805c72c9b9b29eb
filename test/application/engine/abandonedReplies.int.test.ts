import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandHandler } from "../../../src/application/commandHandler.ts";
import { messageIdFor, replyIdFor } from "../../../src/application/conversations/messageIds.ts";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { AgentReplyCompleted, AgentReplyStarted } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { type ConversationLive, topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293";
const agentId = "1b2c3d4e-5f60-4718-9a0b-c1d2e3f40516";
const streamId = conversationStreamId(userId, agentId);

describe("a reply whose start is refused after its first words went out", () => {
  let h: EngineHarness;
  const seen: ConversationLive[] = [];
  const listening = new AbortController();
  beforeAll(async () => {
    h = await startEngineHarness();
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
    void (async () => {
      for await (const message of h.bus.subscribe(topics.conversation(userId, agentId), listening.signal))
        seen.push(message);
    })();
    await h.bus.whenSubscribed();
  });
  afterAll(async () => {
    listening.abort();
    await h?.close();
  });

  it("is announced abandoned after its deltas, and the edited message is answered instead", async () => {
    // The person edits the message while the reply's start is on its way: its first words are out,
    // then the edit is stored, and the start is refused as the message is no longer on the path.
    const commands = h.engine.commands as CommandHandler & { handle: CommandHandler["handle"] };
    const handle = commands.handle.bind(commands);
    let editedTo: string | null = null;
    commands.handle = (async (decider, stream, command, context) => {
      const start = command as ConversationCommand;
      if (start.type === "StartReply" && editedTo === null) {
        await eventually(async () =>
          seen.some((m) => m.kind === "reply.delta" && m.payload.replyId === start.replyId),
        );
        const clientMessageId = randomUUID();
        editedTo = messageIdFor(userId, agentId, clientMessageId);
        await handle(
          conversationDecider,
          streamId,
          {
            type: "EditMessage",
            userId,
            agentId,
            messageId: start.messageId,
            newMessageId: editedTo,
            clientMessageId,
            text: "Actually, what are you cooking tonight?",
            now: h.clock.now().toISOString(),
          },
          testContext(h.clock.now(), `user:${userId}`),
        );
      }
      return handle(decider, stream, command, context);
    }) as CommandHandler["handle"];

    const messageId = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "How was your day at work?" },
      h.clock.now(),
    );
    const replyId = replyIdFor(messageId, 1);
    const stored = await eventually(async () => {
      const events = await h.store.readStream(streamId);
      return events.some((e) => e.type === "AgentReplyCompleted") ? events : undefined;
    });
    await eventually(async () => seen.some((m) => m.kind === "reply.abandoned"));

    const ofReply = seen.filter(
      (m) => (m.kind === "reply.delta" || m.kind === "reply.abandoned") && m.payload.replyId === replyId,
    );
    expect(ofReply.length).toBeGreaterThan(1);
    expect(ofReply.at(-1)).toMatchObject({
      kind: "reply.abandoned",
      payload: { replyId, inReplyTo: messageId, reason: expect.any(String) },
    });
    const starts = stored.filter((e) => e.type === "AgentReplyStarted");
    expect(starts.map((e) => (e.data as AgentReplyStarted["data"]).inReplyTo)).toEqual([editedTo]);
    const completed = stored.filter((e) => e.type === "AgentReplyCompleted");
    expect(completed.map((e) => (e.data as AgentReplyCompleted["data"]).inReplyTo)).toEqual([editedTo]);
  }, 60_000);
});
