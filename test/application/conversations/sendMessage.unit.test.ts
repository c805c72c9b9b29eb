import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { sendMessage } from "../../../src/application/conversations/sendMessage.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { TurnPriority } from "../../../src/application/processing/turnPriority.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { agentStreamId, conversationStreamId } from "../../../src/domain/streamIds.ts";
import { createAgent, now } from "../../domain/agent/fixtures.ts";
import { eventually } from "../../support/coreHarness.ts";

const meta = { actor: "user:u1", requestId: null, now: new Date(now) };
const input = { userId: "u1", agentId: "a1", text: "Still up?", clientMessageId: "c1" };
const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

async function setUp(longestWaitMs = 60_000) {
  const events = new EventLog(new InMemoryEventStore(), catalogue);
  const commands = new CommandHandler(events);
  await commands.handle(agentDecider, agentStreamId("a1"), createAgent, {
    commandId: "create",
    actor: "admin",
    requestId: null,
    correlationId: "create",
    causationId: null,
    now: new Date(now),
  });
  const turns = new TurnPriority({ longestWaitMs });
  // What the count of replies awaiting first words was while the message was being stored.
  const duringAppend: number[] = [];
  const handle = commands.handle.bind(commands);
  commands.handle = ((...args: Parameters<typeof handle>) => {
    duringAppend.push(turns.turns);
    return handle(...args);
  }) as typeof commands.handle;
  const localTurns = { expect: (key: string) => turns.expect(key), warmUp: () => {} };
  return { deps: { commands, events, localTurns }, turns, duringAppend };
}

/** Whether work that gives way to replies has gone after a few turns of the event loop. */
async function workWent(turns: TurnPriority): Promise<() => boolean> {
  let went = false;
  void turns.yieldToTurns().then(() => {
    went = true;
  });
  for (let i = 0; i < 5; i++) await nextLoopTurn();
  return () => went;
}

describe("sendMessage on a process that also writes replies", () => {
  it("counts the reply as awaiting its first words from the moment the message is accepted until the reply begins", async () => {
    const { deps, turns, duringAppend } = await setUp();
    const sent = await sendMessage(deps, input, meta);
    expect(duringAppend).toEqual([1]);
    expect(turns.turns).toBe(1);
    const went = await workWent(turns);
    expect(went()).toBe(false);
    // The reply's own turn takes the message's place, and its first words let the work go.
    const firstWords = turns.begin(sent.replyId);
    expect(turns.turns).toBe(1);
    firstWords();
    await eventually(async () => went());
    expect(turns.turns).toBe(0);
  });

  it("stops counting a reply no one begins once the longest wait has passed", async () => {
    const { deps, turns } = await setUp(20);
    await sendMessage(deps, input, meta);
    await eventually(async () => turns.turns === 0);
  });

  it("counts nothing for a message it refuses", async () => {
    const { deps, turns, duringAppend } = await setUp();
    await expect(sendMessage(deps, { ...input, text: "" }, meta)).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(duringAppend).toEqual([1]);
    expect(turns.turns).toBe(0);
  });

  it("counts nothing for an agent that is not there", async () => {
    const { deps, turns } = await setUp();
    await expect(sendMessage(deps, { ...input, agentId: "nobody" }, meta)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(turns.turns).toBe(0);
  });

  it("counts a message sent again once: nothing new is stored and no second reply comes", async () => {
    const { deps, turns } = await setUp();
    const first = await sendMessage(deps, input, meta);
    const again = await sendMessage(deps, input, meta);
    expect(again).toMatchObject({ duplicate: true, replyId: first.replyId });
    expect(turns.turns).toBe(1);
    turns.begin(first.replyId)();
    expect(turns.turns).toBe(0);
  });
});

describe("sendMessage on a process that also writes replies, before the message is stored", () => {
  it("starts the reply's reads once the message's append is on its way, before it is stored", async () => {
    const { deps, duringAppend } = await setUp();
    const streamId = conversationStreamId(input.userId, input.agentId);
    const seen: { userId: string; agentId: string; appends: number; stored: boolean }[] = [];
    const sent = await sendMessage(
      {
        ...deps,
        localTurns: {
          ...deps.localTurns,
          warmUp: (userId, agentId) =>
            void seen.push({
              userId,
              agentId,
              appends: duringAppend.length,
              stored: deps.commands.cachedState(conversationDecider, streamId)?.started === true,
            }),
        },
      },
      input,
      meta,
    );
    expect(sent.duplicate).toBe(false);
    expect(seen).toEqual([{ userId: "u1", agentId: "a1", appends: 1, stored: false }]);
  });

  it("warms nothing for an agent that is not there", async () => {
    const { deps } = await setUp();
    const warmed: string[] = [];
    await expect(
      sendMessage(
        { ...deps, localTurns: { ...deps.localTurns, warmUp: (u, a) => void warmed.push(`${u}/${a}`) } },
        { ...input, agentId: "nobody" },
        meta,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(warmed).toEqual([]);
  });
});
