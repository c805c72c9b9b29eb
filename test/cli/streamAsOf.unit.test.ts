import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { parseAsOf, streamAsOf } from "../../src/cli/streamAsOf.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { agentStreamId, conversationStreamId } from "../../src/domain/streamIds.ts";
import { createTestAgent, sendTestMessage } from "../support/testCommands.ts";

describe("withme stream --as-of", () => {
  it("reads a revision or an ISO time, and refuses anything else", () => {
    expect(parseAsOf("12")).toEqual({ revision: 12 });
    expect(parseAsOf("2026-05-01T09:30:00Z")).toEqual({ at: "2026-05-01T09:30:00.000Z" });
    expect(() => parseAsOf("yesterday")).toThrow(/revision .* or an ISO time/);
    expect(() => parseAsOf("-1")).toThrow();
  });

  it("prints the events up to the point, then the conversation's path, mood and affinity then", async () => {
    const store = new InMemoryEventStore();
    const commands = new CommandHandler(new EventLog(store, catalogue));
    const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 9, minute));
    await createTestAgent(commands, { agentId: "a1", name: "Ada" }, at(0));
    const first = await sendTestMessage(commands, { userId: "u1", agentId: "a1", text: "Hello" }, at(1));
    await sendTestMessage(commands, { userId: "u1", agentId: "a1", text: "Are you there?" }, at(2));
    const streamId = conversationStreamId("u1", "a1");
    const all = await store.readStream(streamId);
    const firstRevision = all.find((e) => e.type === "UserMessageSent")!.revision;

    const lines = await streamAsOf(store, catalogue, streamId, { revision: firstRevision });
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).revision)).toEqual(
      all.filter((e) => e.revision <= firstRevision).map((e) => e.revision),
    );
    const summary = JSON.parse(lines.at(-1)!);
    expect(summary).toMatchObject({ asOf: { revision: firstRevision }, affinity: 0 });
    expect(summary.path).toEqual([{ messageId: first, author: "user", text: "Hello", hidden: false }]);

    const later = JSON.parse(
      (await streamAsOf(store, catalogue, streamId, { at: at(3).toISOString() })).at(-1)!,
    );
    expect(later.path.map((m: { text: string }) => m.text)).toEqual(["Hello", "Are you there?"]);

    const agentLines = await streamAsOf(store, catalogue, agentStreamId("a1"), { revision: 0 });
    expect(agentLines).toHaveLength(1);
  });
});
