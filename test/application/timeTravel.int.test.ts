import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationAt } from "../../src/application/timeTravel.ts";
import type { AgentEvent } from "../../src/domain/agent/events.ts";
import type { AppendResult } from "../../src/ports/eventStore.ts";
import { at as minuteOf } from "../domain/conversation/fixtures.ts";
import { Story } from "../domain/conversation/story.ts";
import {
  affinityChanged,
  at,
  moodShifted,
  replyCompleted,
  replyStarted,
  sent,
  started,
} from "../projections/conversationEvents.ts";
import { type CoreHarness, startCoreHarness } from "../support/coreHarness.ts";
import { agentStreamId, appendEvents, conversationStreamId } from "../support/domainEvents.ts";

const agentCreated: AgentEvent = {
  type: "AgentCreated",
  data: {
    agentId: "noa",
    name: "Noa",
    persona: {
      summary: "A warm barista.",
      traits: ["warm"],
      speakingStyle: "Short sentences.",
      backstory: "",
      interests: [],
      selfDescribesAsAI: false,
    },
    identity: { homeCity: "Lisbon", occupation: "Barista", timezone: "Europe/Lisbon", hemisphere: "north" },
    appearancePrompt: "Short dark hair.",
    moodBaseline: { mood: "calm", intensity: 0.4 },
    source: "manual",
    createdBy: "admin-1",
    createdAt: at(0),
  },
};

describe("time travel through a conversation", () => {
  let harness: CoreHarness;
  let deps: { events: CoreHarness["events"] };
  const positions: AppendResult[] = [];
  const who = { userId: "u1", agentId: "noa" };

  beforeAll(async () => {
    harness = await startCoreHarness();
    deps = { events: harness.events };
    const stream = conversationStreamId("u1", "noa");
    const write = async (streamId: string, events: Parameters<typeof appendEvents>[2], minute: number) =>
      positions.push(await appendEvents(harness.store, streamId, events, { occurredAt: at(minute) }));
    await write(agentStreamId("noa"), [agentCreated], 0);
    await write(stream, [started("u1", "noa"), sent("m1", "Hi", 1)], 1);
    await write(stream, [replyStarted("r1", "m1", 2), replyCompleted("r1", "m1", "Hello!", 2)], 2);
    await write(stream, [moodShifted("joyful", 0.8, null), affinityChanged(3, 3)], 3);
    await write(
      agentStreamId("noa"),
      [
        {
          type: "AgentMoodBaselineDrifted",
          data: {
            agentId: "noa",
            from: { mood: "calm", intensity: 0.4 },
            to: { mood: "tired", intensity: 0.6 },
            reason: "a long week",
          },
        },
      ],
      4,
    );
    await write(
      stream,
      [affinityChanged(-2, 1), moodShifted("calm", 0.3, { mood: "joyful", intensity: 0.8 })],
      5,
    );
  });
  afterAll(() => harness.close());

  it("folds up to a time: the baseline before the first shift, then the conversation's own mood", async () => {
    const early = await conversationAt(deps, { ...who, at: at(2) });
    expect(early).toMatchObject({
      mood: { mood: "calm", intensity: 0.4 },
      moodSource: "baseline",
      affinity: 0,
      revision: 3,
      occurredAt: at(2),
    });
    expect(early.state.agentMessageCount).toBe(1);
    expect(await conversationAt(deps, { ...who, at: new Date(at(4)) })).toMatchObject({
      mood: { mood: "joyful", intensity: 0.8 },
      moodSource: "conversation",
      affinity: 3,
      revision: 5,
    });
    expect(await conversationAt(deps, { ...who, at: at(10) })).toMatchObject({
      mood: { mood: "calm" },
      affinity: 1,
    });
  });

  it("folds up to a revision or a position, and is empty before the conversation began", async () => {
    expect(await conversationAt(deps, { ...who, revision: 4 })).toMatchObject({
      mood: { mood: "joyful" },
      affinity: 0,
      revision: 4,
    });
    const third = positions[2]!.position;
    expect(await conversationAt(deps, { ...who, position: third })).toMatchObject({
      moodSource: "baseline",
      mood: { mood: "calm", intensity: 0.4 },
      revision: 3,
      position: third,
    });
    const before = await conversationAt(deps, { ...who, at: at(0) });
    expect(before).toMatchObject({ revision: null, affinity: 0, mood: { mood: "calm" } });
    expect(before.state.started).toBe(false);
    expect(await conversationAt(deps, { userId: "u2", agentId: "kai", at: at(9) })).toMatchObject({
      mood: null,
      moodSource: null,
      revision: null,
    });
  });

  it("reads the agent's baseline as it was at that time", async () => {
    const stream = conversationStreamId("u3", "noa");
    await appendEvents(harness.store, stream, [started("u3", "noa"), sent("x1", "Hey", 6)], {
      occurredAt: at(6),
    });
    expect(await conversationAt(deps, { userId: "u3", agentId: "noa", at: at(7) })).toMatchObject({
      mood: { mood: "tired", intensity: 0.6 },
      moodSource: "baseline",
    });
  });

  it("gives the path as it was then, with its messages, mood and affinity", async () => {
    const story = new Story();
    const stream = conversationStreamId("u1", "a1");
    const revisions: Record<string, number> = {};
    const tell = async (name: string, step: (s: Story) => unknown) => {
      const before = story.events.length;
      step(story);
      const written = await appendEvents(harness.store, stream, story.events.slice(before), {
        occurredAt: minuteOf(story.minute - 1),
      });
      revisions[name] = written.nextRevision;
      return minuteOf(story.minute - 1);
    };
    await tell("first turn", (s) => s.send("m1", "Hi there").reply("r1", "m1", "Hello!").affinity(3, "r1"));
    await tell("second turn", (s) =>
      s.send("m2", "Tell me a joke").reply("r2", "m2", "Why did the…").affinity(2),
    );
    await tell("regenerating", (s) => s.regenerate("r2", "r2b"));
    const regenerated = await tell("regenerated", (s) => s.complete("r2b", "Knock knock.").affinity(-4));
    await tell("chose the first", (s) => s.choose("r2"));

    const then = await conversationAt(deps, { userId: "u1", agentId: "a1", at: regenerated });
    expect(then.path.map((m) => [m.messageId, m.author, m.text])).toEqual([
      ["m1", "user", "Hi there"],
      ["r1", "agent", "Hello!"],
      ["m2", "user", "Tell me a joke"],
      ["r2b", "agent", "Knock knock."],
    ]);
    expect(then.path[3]).toMatchObject({ parentId: "m2", kind: "reply", status: "completed", hidden: false });
    expect(then.affinity).toBe(-1);

    const streaming = await conversationAt(deps, {
      userId: "u1",
      agentId: "a1",
      revision: revisions.regenerating!,
    });
    expect(streaming.path.at(-1)).toMatchObject({ messageId: "r2b", text: null, status: "streaming" });

    const now = await conversationAt(deps, { userId: "u1", agentId: "a1", at: minuteOf(59) });
    expect(now.path.map((m) => m.messageId)).toEqual(["m1", "r1", "m2", "r2"]);
    expect(now.path[3]!.text).toBe("Why did the…");
    expect(now.affinity).toBe(5);
  });
});
