import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCheckpointStore } from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { chooseAlternative, editMessage } from "../../../src/application/conversations/conversationTree.ts";
import { replyIdFor } from "../../../src/application/conversations/messageIds.ts";
import type { AwaitingReplies } from "../../../src/application/engine/engineDependencies.ts";
import { availabilityAt } from "../../../src/domain/agent/availability.ts";
import { conversationDecider, nextMessageToAnswer } from "../../../src/domain/conversation/decider.ts";
import type { AgentReplyCompleted } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const agentId = "3c4d5e6f-7081-4923-a4b5-c6d7e8f90a1b";
const streamId = conversationStreamId(userId, agentId);
const identity = { homeCity: "Lisbon", occupation: "Illustrator", timezone: "Europe/Lisbon" };

describe("a message to a sleeping agent", () => {
  let h: EngineHarness;
  // The conversations read model, as the event-sourced state would have it.
  let sweepsOwed = 0;
  const awaitingReplies: AwaitingReplies = {
    async awaitingReplies({ after }) {
      if (after !== null) return [];
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      if (!nextMessageToAnswer(state)) return [];
      sweepsOwed++;
      return [{ streamId, userId, agentId, affinity: state.affinity }];
    },
  };

  const replies = async () =>
    (await h.store.readStream(streamId))
      .filter((event) => event.type === "AgentReplyCompleted")
      .map((event) => event.data as AgentReplyCompleted["data"]);

  beforeAll(async () => {
    // 02:30 in Lisbon (summer time): the agent is asleep and the person is new to it.
    h = await startEngineHarness({
      start: "2026-06-10T01:30:00.000Z",
      settings: { asleepReplies: "defer", deferredSweepMs: 40 },
      awaitingReplies,
    });
    await createTestAgent(h.engine.commands, { agentId, name: "Mia", identity }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  it("waits, even across a restart, and is answered in order once the agent is up", async () => {
    const verdict = availabilityAt({ identity, scenarios: [], affinity: 0, now: h.clock.now() });
    expect(verdict).toMatchObject({ status: "asleep", replyMode: "deferred" });
    const first = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "are you still up?" },
      h.clock.now(),
    );
    h.clock.advance(60_000);
    const second = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "guess not, talk tomorrow" },
      h.clock.now(),
    );
    // The reactor has seen both messages, and several sweeps went by that found them owed a
    // reply: nothing is started, nothing is stored.
    const lastSent = (await h.store.readStream(streamId)).at(-1)!.position;
    await eventually(async () => {
      const at = await new PostgresCheckpointStore(h.raw).load("reply");
      return at !== null && h.store.comparePositions(at, lastSent) >= 0;
    });
    const swept = sweepsOwed;
    await eventually(async () => sweepsOwed >= swept + 3);
    const asleep = await h.store.readStream(streamId);
    expect(asleep.map((event) => event.type)).toEqual([
      "ConversationStarted",
      "UserMessageSent",
      "UserMessageSent",
    ]);

    await h.stopReactors();
    h.clock.advance(Date.parse(verdict.deferUntil!) - h.clock.now().getTime() + 5 * 60_000);
    h.startReactors();

    const written = await eventually(async () => {
      const found = await replies();
      return found.length === 2 && found;
    });
    expect(written.map((reply) => reply.replyId)).toEqual([replyIdFor(first, 1), replyIdFor(second, 1)]);
    expect(written[0]!.text).toMatch(/^(Morning!|Just woke up)/);
    expect(written[1]!.text).not.toMatch(/^(Morning!|Just woke up)/);
    expect(Date.parse(written[0]!.completedAt)).toBeGreaterThanOrEqual(Date.parse(verdict.deferUntil!));
  });

  it("is answered at once, drowsily, by an agent that wakes up for everyone", async () => {
    const drowsy = await startEngineHarness({
      start: "2026-06-10T01:30:00.000Z",
      settings: { asleepReplies: "drowsy" },
    });
    try {
      await createTestAgent(drowsy.engine.commands, { agentId, name: "Mia", identity }, drowsy.clock.now());
      await sendTestMessage(
        drowsy.engine.commands,
        { userId, agentId, text: "are you up?" },
        drowsy.clock.now(),
      );
      const reply = await eventually(async () => {
        const events = await drowsy.store.readStream(streamId);
        return events.find((event) => event.type === "AgentReplyCompleted")?.data as
          | AgentReplyCompleted["data"]
          | undefined;
      });
      expect(reply.completedAt).toBe(drowsy.clock.now().toISOString());
      expect(reply.text).not.toMatch(/^(Morning!|Just woke up)/);
    } finally {
      await drowsy.close();
    }
  });
});

describe("a waiting message the person moved away from", () => {
  let h: EngineHarness;
  let sweeps = 0;
  let sweepsSeeIt = true;
  const awaitingReplies: AwaitingReplies = {
    async awaitingReplies({ after }) {
      sweeps++;
      if (after !== null || !sweepsSeeIt) return [];
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      return nextMessageToAnswer(state) ? [{ streamId, userId, agentId, affinity: state.affinity }] : [];
    },
  };
  const deps = () => ({ commands: h.engine.commands, events: h.engine.events, bus: h.engine.bus });
  const meta = () => ({ actor: `user:${userId}`, requestId: null, now: h.clock.now() });
  const answered = async () =>
    (await h.store.readStream(streamId))
      .filter((event) => event.type === "AgentReplyCompleted")
      .map((event) => (event.data as AgentReplyCompleted["data"]).inReplyTo);

  beforeAll(async () => {
    h = await startEngineHarness({
      start: "2026-06-10T01:30:00.000Z",
      settings: { asleepReplies: "defer", deferredSweepMs: 40 },
      awaitingReplies,
    });
    await createTestAgent(h.engine.commands, { agentId, name: "Mia", identity }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is not answered when the agent wakes, and is once the person shows it again", async () => {
    const verdict = availabilityAt({ identity, scenarios: [], affinity: 0, now: h.clock.now() });
    const first = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "are you up?" },
      h.clock.now(),
    );
    h.clock.advance(60_000);
    const edit = await editMessage(
      deps(),
      { userId, agentId, messageId: first, clientMessageId: "edit-1", text: "never mind, sleep well" },
      meta(),
    );

    await h.stopReactors();
    h.clock.advance(Date.parse(verdict.deferUntil!) - h.clock.now().getTime() + 5 * 60_000);
    h.startReactors();
    await eventually(async () => (await answered()).length === 1);
    // Several sweeps later, the message the edit replaced is still owed nothing.
    const swept = sweeps;
    await eventually(async () => sweeps >= swept + 3);
    expect(await answered()).toEqual([edit.messageId]);

    // Shown again while the agent is up, it is answered on the path change itself, not by a sweep.
    sweepsSeeIt = false;
    await chooseAlternative(deps(), { userId, agentId, messageId: first, clientRequestId: "back-1" }, meta());
    await eventually(async () => (await answered()).length === 2);
    expect(await answered()).toEqual([edit.messageId, first]);
  });
});
