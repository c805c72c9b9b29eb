import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalTurns, sendMessage } from "../../../src/application/conversations/sendMessage.ts";
import { ReplyHandoff } from "../../../src/application/engine/replyHandoff.ts";
import { TurnPriority } from "../../../src/application/processing/turnPriority.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent } from "../../support/testCommands.ts";

const agentId = "7a1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The message appends of conversation streams, each held until the test lets it go or fail. */
class HeldAppends {
  readonly held: { release: () => void; fail: (error: Error) => void }[] = [];
  constructor(h: EngineHarness) {
    const append = h.events.append.bind(h.events);
    h.events.append = (async (...args: Parameters<typeof append>) => {
      const [streamId, events] = args;
      if (streamId.startsWith("conversation-") && events.some((e) => e.type === "UserMessageSent"))
        await new Promise<void>((release, fail) => this.held.push({ release, fail }));
      return append(...args);
    }) as typeof append;
  }
}

describe("a reply handed over while its message is committed", () => {
  let h: EngineHarness;
  let appends: HeldAppends;
  const handoff = new ReplyHandoff();
  const turns = new TurnPriority();
  let places = 0;

  beforeAll(async () => {
    h = await startEngineHarness();
    await createTestAgent(h.engine.commands, { agentId, name: "Ines" }, h.clock.now());
    const place = turns.place.bind(turns);
    turns.place = () => {
      places++;
      return place();
    };
    h.engine.turns = turns;
    h.engine.handoff = handoff;
    await h.stopReactors();
    h.startReactors();
    await eventually(async () => handoff.serving);
    appends = new HeldAppends(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  function person() {
    const userId = randomUUID();
    const seen: string[] = [];
    const listening = new AbortController();
    void (async () => {
      for await (const message of h.bus.subscribe(topics.conversation(userId, agentId), listening.signal))
        seen.push(message.kind);
    })();
    const localTurns: LocalTurns = {
      expect: () => () => {},
      warmUp: () => {},
      answer: (message) => handoff.offer(message),
    };
    const send = (clientMessageId: string) =>
      sendMessage(
        { commands: h.engine.commands, events: h.events, bus: h.bus, localTurns },
        { userId, agentId, text: "Are you still at the studio tonight?", clientMessageId },
        { actor: `user:${userId}`, requestId: null, now: h.clock.now() },
      );
    const stored = async () =>
      (await h.store.readStream(conversationStreamId(userId, agentId))).map((e) => e.type);
    return { seen, send, stored, stop: () => listening.abort() };
  }

  /** Until the reply has taken its place among replies, then a few more turns of the event loop. */
  async function replyAtWork(placesBefore: number) {
    await eventually(async () => places > placesBefore && appends.held.length === 1);
    for (let i = 0; i < 5; i++) await nextLoopTurn();
  }

  it("works toward its first words during the commit and shows them only once it returned", async () => {
    const { seen, send, stored, stop } = person();
    const before = places;
    const sending = send("first");
    await replyAtWork(before);
    expect(seen).toEqual([]);
    expect(await stored()).toEqual([]);
    appends.held.shift()!.release();
    await sending;
    await eventually(async () => ((await stored()).includes("AgentReplyCompleted") ? true : undefined));
    const types = await stored();
    expect(types.filter((t) => t === "AgentReplyStarted")).toHaveLength(1);
    expect(types.filter((t) => t === "AgentReplyCompleted")).toHaveLength(1);
    expect(seen).toContain("reply.delta");
    stop();
  });

  it("shows and stores nothing of the reply when the message's append fails, and a retried send is answered once", async () => {
    const { seen, send, stored, stop } = person();
    const before = places;
    const sending = send("again");
    await replyAtWork(before);
    appends.held.shift()!.fail(new Error("The database went away."));
    await expect(sending).rejects.toThrow("The database went away.");
    await eventually(async () => turns.turns === 0);
    for (let i = 0; i < 5; i++) await nextLoopTurn();
    expect(seen).toEqual([]);
    expect(await stored()).toEqual([]);

    const retried = send("again");
    await eventually(async () => appends.held.length === 1);
    appends.held.shift()!.release();
    expect((await retried).duplicate).toBe(false);
    await eventually(async () => ((await stored()).includes("AgentReplyCompleted") ? true : undefined));
    const types = await stored();
    expect(types.filter((t) => t === "UserMessageSent")).toHaveLength(1);
    expect(types.filter((t) => t === "AgentReplyStarted")).toHaveLength(1);
    expect(types.filter((t) => t === "AgentReplyCompleted")).toHaveLength(1);
    expect(seen.filter((kind) => kind === "reply.abandoned")).toEqual([]);
    stop();
  });
});
