import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { sendMessage } from "../../src/application/conversations/sendMessage.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { type CoreHarness, startCoreHarness } from "../support/coreHarness.ts";
import { createTestAgent, testContext } from "../support/testCommands.ts";

let core: CoreHarness;

beforeAll(async () => {
  core = await startCoreHarness();
  await createTestAgent(new CommandHandler(core.events), { agentId: "agent-busy", name: "Lea" });
});
afterAll(async () => core?.close());

const meta = () => ({ actor: "user:sam", requestId: null, now: new Date() });

async function storedTexts(userId: string): Promise<string[]> {
  const events = await core.events.readStream(conversationStreamId(userId, "agent-busy"));
  return events.flatMap((e) => (e.type === "UserMessageSent" ? [e.data.text] : []));
}

describe("command handler under concurrent commands to one stream", () => {
  it("runs commands issued at once against one stream in the order they were issued, without a retry", async () => {
    // One attempt only: commands to one stream from one process must never conflict with each other.
    const commands = new CommandHandler(core.events, { maxAttempts: 1 });
    const texts = Array.from({ length: 20 }, (_, i) => `rapid ${i + 1}`);
    await Promise.all(
      texts.map((text, i) =>
        commands.handle(
          conversationDecider,
          conversationStreamId("sam", "agent-busy"),
          {
            type: "SendMessage",
            userId: "sam",
            agentId: "agent-busy",
            messageId: `m-${i}`,
            clientMessageId: `c-${i}`,
            text,
            now: new Date().toISOString(),
          },
          testContext(),
        ),
      ),
    );
    expect(await storedTexts("sam")).toEqual(texts);
  });

  it("stores twenty messages sent at once through the send path, none refused", async () => {
    const deps = {
      commands: new CommandHandler(core.events, { maxAttempts: 1 }),
      events: core.events,
    };
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sendMessage(
          deps,
          { userId: "ana", agentId: "agent-busy", text: `hi ${i}`, clientMessageId: `a-${i}` },
          meta(),
        ),
      ),
    );
    expect(sent.every((s) => !s.duplicate)).toBe(true);
    expect(new Set(await storedTexts("ana")).size).toBe(20);
  });

  it("lands every message when two processes write to the same conversation at once", async () => {
    const processes = [new CommandHandler(core.events), new CommandHandler(core.events)];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        sendMessage(
          { commands: processes[i % 2]!, events: core.events },
          { userId: "kai", agentId: "agent-busy", text: `both ${i}`, clientMessageId: `k-${i}` },
          meta(),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(new Set(await storedTexts("kai")).size).toBe(20);
  });
});
