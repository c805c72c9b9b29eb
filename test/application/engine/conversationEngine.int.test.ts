import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentReplyCompleted } from "../../../src/domain/conversation/events.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import type { RecordedEvent } from "../../../src/ports/eventStore.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { createTestAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "3f5d1c2a-0b4e-4c6d-8e9f-112233445566";
const agentId = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f70819203";
const streamId = conversationStreamId(userId, agentId);

const context = (h: EngineHarness) => testContext(h.clock.now(), `user:${userId}`);

async function seed(h: EngineHarness) {
  const now = h.clock.now().toISOString();
  await h.engine.commands.handle(
    userDecider,
    userStreamId(userId),
    { type: "RegisterUser", userId, subject: "dev:sam", displayName: "Sam", role: "user", now },
    context(h),
  );
  await createTestAgent(
    h.engine.commands,
    {
      agentId,
      name: "Mira",
      persona: {
        summary: "A cheerful illustrator who loves long walks and strong coffee.",
        traits: ["warm", "witty"],
        speakingStyle: "Friendly and curious.",
        backstory: "Moved to Berlin for art school.",
        interests: ["drawing", "coffee", "hiking"],
      },
      identity: {
        homeCity: "Berlin",
        country: "Germany",
        occupation: "Illustrator",
        timezone: "Europe/Berlin",
        latitude: 52.5,
      },
      appearancePrompt: "Curly red hair, green eyes, freckles, round glasses, mustard sweater.",
    },
    h.clock.now(),
  );
}

const turns = [
  "Hi Mira! How is your day going?",
  "My sister is called Ana and she lives in Lisbon.",
  "I went hiking with my dog this weekend, it was lovely.",
  "What are you drawing at the moment?",
  "Thanks, you always cheer me up!",
];

describe("conversation engine (offline persona engine)", () => {
  let h: EngineHarness;
  const deltas = new Map<string, string>();
  const listening = new AbortController();

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 10 } });
    await seed(h);
    void (async () => {
      for await (const message of h.bus.subscribe(topics.conversation(userId, agentId), listening.signal)) {
        if (message.kind !== "reply.delta") continue;
        const { replyId, text } = message.payload as { replyId: string; text: string };
        deltas.set(replyId, (deltas.get(replyId) ?? "") + text);
      }
    })();
  });
  afterAll(async () => {
    listening.abort();
    await h?.close();
  });

  async function send(text: string): Promise<AgentReplyCompleted["data"]> {
    const messageId = await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    const completed = await eventually(async () => {
      const events = await h.store.readStream(streamId, { direction: "backwards", maxCount: 20 });
      const done = events.find(
        (e) =>
          e.type === "AgentReplyCompleted" && (e.data as AgentReplyCompleted["data"]).inReplyTo === messageId,
      );
      return done ? (done.data as AgentReplyCompleted["data"]) : undefined;
    });
    h.clock.advance(3 * 60_000);
    return completed;
  }

  it("holds a 30-turn conversation: streamed replies, mood and affinity, memory, recall", async () => {
    const replies: AgentReplyCompleted["data"][] = [];
    for (let turn = 0; turn < 29; turn++) replies.push(await send(turns[turn % turns.length]!));
    const recall = await send("Do you remember what my sister is called?");
    replies.push(recall);

    for (const reply of replies) expect(deltas.get(reply.replyId)).toBe(reply.text);
    expect(recall.text).toContain("Ana");

    const events: RecordedEvent[] = await h.store.readStream(streamId);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count("UserMessageSent")).toBe(30);
    expect(count("AgentReplyCompleted")).toBe(30);
    expect(count("AgentReplyFailed")).toBe(0);
    expect(count("MoodShifted") + count("AffinityChanged")).toBeGreaterThanOrEqual(30);
    await eventually(async () =>
      (await h.store.readStream(streamId)).some((e) => e.type === "MemorySummarized"),
    );
  }, 120_000);
});
