import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { greetingFor, openConversation } from "../../../src/application/conversations/openConversation.ts";
import { sendMessage } from "../../../src/application/conversations/sendMessage.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { agentStreamId, conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { createAgent, now } from "../../domain/agent/fixtures.ts";

const meta = { actor: "user:u1", requestId: null, now: new Date(now) };

async function setUp(greetings: string[]) {
  const store = new InMemoryEventStore();
  const events = new EventLog(store, catalogue);
  const commands = new CommandHandler(events);
  const context = (id: string) => ({
    commandId: id,
    actor: "admin",
    requestId: null,
    correlationId: id,
    causationId: null,
    now: new Date(now),
  });
  await commands.handle(agentDecider, agentStreamId("a1"), createAgent, context("create"));
  if (greetings.length > 0)
    await commands.handle(
      agentDecider,
      agentStreamId("a1"),
      { type: "UpdateAgentGreetings", agentId: "a1", greetings, now },
      context("greetings"),
    );
  for (const [userId, displayName] of [
    ["u1", "Ana"],
    ["u2", "Ben"],
  ] as const)
    await commands.handle(
      userDecider,
      userStreamId(userId),
      { type: "RegisterUser", userId, subject: `dev:${userId}`, displayName, role: "user", now },
      context(`register-${userId}`),
    );
  return { commands, events };
}

async function greetingText(events: EventLog, userId: string): Promise<string[]> {
  return (await events.readStream(conversationStreamId(userId, "a1"))).flatMap((e) =>
    e.type === "AgentInitiatedMessage" ? [e.data.text] : [],
  );
}

describe("opening a conversation", () => {
  it("greets with a card greeting, macros resolved, and the same one for the same person", async () => {
    const greetings = ["Hello {{user}}, I'm {{char}}.", "<USER>! {{char}} missed you.", "Oh, {{user}}."];
    const { commands, events } = await setUp(greetings);
    const opened = await openConversation({ commands }, { userId: "u1", agentId: "a1" }, meta);
    expect(opened.greetingId).not.toBeNull();
    const [text] = await greetingText(events, "u1");
    expect(text).toMatch(/Ana/);
    expect(text).not.toMatch(/\{\{|<USER>/);
    const { state: agent } = await commands.load(agentDecider, agentStreamId("a1"));
    expect(greetingFor(agent, "u1", "Ana", now)).toBe(text);
    // The choice spreads over people: someone among a few gets another greeting.
    const others = ["u2", "u3", "u4", "u5", "u6"].map((u) => greetingFor(agent, u, "Ana", now));
    expect(new Set([text, ...others]).size).toBeGreaterThan(1);
  });

  it("greets only once, however often the conversation is opened", async () => {
    const { commands, events } = await setUp(["Hi {{user}}."]);
    await openConversation({ commands }, { userId: "u1", agentId: "a1" }, meta);
    const again = await openConversation({ commands }, { userId: "u1", agentId: "a1" }, meta);
    expect(again.greetingId).toBeNull();
    expect(await greetingText(events, "u1")).toEqual(["Hi Ana."]);
  });

  it("greets from the persona when the agent has no card greetings", async () => {
    const { commands, events } = await setUp([]);
    await openConversation({ commands }, { userId: "u2", agentId: "a1" }, meta);
    const [text] = await greetingText(events, "u2");
    expect(text).toContain("Ben");
    expect(text).toMatch(/Noa|coffee|film photography/);
  });

  it("refuses an agent that does not exist", async () => {
    const { commands } = await setUp([]);
    await expect(
      openConversation({ commands }, { userId: "u1", agentId: "nobody" }, meta),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a conversation that starts with the person's first message", () => {
  const first = { userId: "u1", agentId: "a1", text: "hey, you around?", clientMessageId: "c1" };

  async function pathOf(events: EventLog): Promise<{ id: string; parent: string | null; text: string }[]> {
    return (await events.readStream(conversationStreamId("u1", "a1"))).flatMap((e) =>
      e.type === "AgentInitiatedMessage" || e.type === "UserMessageSent"
        ? [{ id: e.data.messageId, parent: e.data.parentId ?? null, text: e.data.text }]
        : [],
    );
  }

  it("opens with the agent's greeting before the message, which answers it", async () => {
    const { commands, events } = await setUp(["Hi {{user}}, {{char}} here."]);
    await sendMessage({ commands, events }, first, meta);
    const [greeting, message] = await pathOf(events);
    expect(greeting).toMatchObject({ parent: null, text: "Hi Ana, Noa here." });
    expect(message).toMatchObject({ parent: greeting!.id, text: "hey, you around?" });
  });

  it("greets once when the first message is retried, or the conversation was opened before", async () => {
    const { commands, events } = await setUp(["Hi {{user}}."]);
    await openConversation({ commands }, { userId: "u1", agentId: "a1" }, meta);
    await sendMessage({ commands, events }, first, meta);
    await sendMessage({ commands, events }, first, meta);
    await sendMessage({ commands, events }, { ...first, clientMessageId: "c2", text: "hello?" }, meta);
    expect((await pathOf(events)).map((m) => m.text)).toEqual(["Hi Ana.", "hey, you around?", "hello?"]);
  });

  it("greets once when first messages race from two processes", async () => {
    const { commands, events } = await setUp(["Hi {{user}}."]);
    const other = new CommandHandler(events);
    await Promise.all([
      sendMessage({ commands, events }, first, meta),
      sendMessage({ commands: other, events }, { ...first, clientMessageId: "c2", text: "hello?" }, meta),
    ]);
    const path = await pathOf(events);
    expect(path.filter((m) => m.text === "Hi Ana.")).toHaveLength(1);
    expect(path).toHaveLength(3);
    expect(path[1]!.parent).toBe(path[0]!.id);
    expect(path[2]!.parent).toBe(path[1]!.id);
  });
});
