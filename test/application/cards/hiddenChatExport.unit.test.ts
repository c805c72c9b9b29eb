import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { exportChat, importChatFile } from "../../../src/application/cards/chatTransfer.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { registerTestPersonAndAgent, testContext } from "../../support/testCommands.ts";

const now = new Date("2025-05-01T09:00:00.000Z");
const address = { userId: "u1", agentId: "a1" };

/** Sam and Mira talk three turns; Sam hides the second exchange. */
async function conversationWithHiddenExchange() {
  const events = new EventLog(new InMemoryEventStore(), catalogue);
  const commands = new CommandHandler(events);
  await registerTestPersonAndAgent(commands, address, now);
  const run = (command: Record<string, unknown>) =>
    commands.handle(
      conversationDecider,
      conversationStreamId("u1", "a1"),
      { ...address, now: now.toISOString(), ...command } as ConversationCommand,
      testContext(now),
    );
  await run({ type: "GreetPerson", messageId: "g", text: "Morning, Sam." });
  for (const turn of [1, 2, 3]) {
    await run({
      type: "SendMessage",
      messageId: `m${turn}`,
      clientMessageId: `c${turn}`,
      text: `line ${turn}`,
    });
    await run({ type: "StartReply", replyId: `r${turn}`, messageId: `m${turn}` });
    const usage = { promptTokens: 1, completionTokens: 1 };
    await run({ type: "CompleteReply", replyId: `r${turn}`, text: `answer ${turn}`, model: "t", usage });
  }
  for (const id of ["m2", "r2"])
    await run({ type: "HideMessage", messageId: id, clientRequestId: `hide-${id}` });
  return { commands, events };
}

const lines = (jsonl: string) =>
  jsonl
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => JSON.parse(line) as { mes: string; is_user: boolean; is_system: boolean });

describe("a chat with hidden messages, exported as SillyTavern JSONL", () => {
  it("keeps the hidden exchange in its place, marked as SillyTavern marks hidden messages", async () => {
    const { commands, events } = await conversationWithHiddenExchange();
    const exported = lines(await exportChat({ commands, events }, address));
    expect(exported.map((m) => [m.mes, m.is_system])).toEqual([
      ["Morning, Sam.", false],
      ["line 1", false],
      ["answer 1", false],
      ["line 2", true],
      ["answer 2", true],
      ["line 3", false],
      ["answer 3", false],
    ]);
  });

  it("imports the hidden messages as hidden, so exporting the import gives the same chat", async () => {
    const { commands, events } = await conversationWithHiddenExchange();
    const first = await exportChat({ commands, events }, address);
    await commands.handle(
      userDecider,
      userStreamId("u2"),
      {
        type: "RegisterUser",
        userId: "u2",
        subject: "dev:u2",
        displayName: "Kai",
        role: "user",
        now: now.toISOString(),
      },
      testContext(now),
    );
    const imported = await importChatFile(
      { commands, events },
      { userId: "u2", agentId: "a1", bytes: new TextEncoder().encode(first) },
      { actor: "user:u2", requestId: null, now },
    );
    expect(imported.warnings).toEqual([]);
    const again = await exportChat({ commands, events }, { userId: "u2", agentId: "a1" });
    expect(again).toBe(first);
  });
});
