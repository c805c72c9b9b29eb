import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentsProjection } from "../../../projections/agents/projection.ts";
import { conversationsProjection } from "../../../projections/conversations/projection.ts";
import { memoryFactsProjection } from "../../../projections/memory_facts/projection.ts";
import { semanticMemoryProjection } from "../../../projections/semantic_memory/projection.ts";
import { usersProjection } from "../../../projections/users/projection.ts";
import { ReadModelLifeDirectory } from "../../../src/adapters/postgres/readModelLifeDirectory.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import type { LifeAgent, LifePerson, SentInitiation } from "../../../src/application/life/lifeDirectories.ts";
import { catalogue, type WithmeEvent } from "../../../src/domain/catalogue.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { type ProjectionHarness, startProjectionHarness } from "../../projections/projectionHarness.ts";
import { EventStoreLifeDirectory } from "../../support/life/eventStoreLifeDirectory.ts";
import { registerTestPersonAndAgent, sendTestMessage } from "../../support/testCommands.ts";
import { writeWorkload } from "../../support/workload.ts";

const DAY = 86_400_000;

describe("the life scheduler's directory from the read models", () => {
  let h: ProjectionHarness;
  let folded: EventStoreLifeDirectory;
  let projected: ReadModelLifeDirectory;
  let now: Date;

  beforeAll(async () => {
    h = await startProjectionHarness([
      agentsProjection,
      conversationsProjection,
      usersProjection,
      semanticMemoryProjection,
      memoryFactsProjection,
    ]);
    await writeWorkload(h.store, { seed: 11, events: 8_000, users: 8, agents: 4 }, { concurrency: 1 });
    const last = (await h.store.readAll({ maxCount: 100_000 })).at(-1)!;
    now = new Date(last.metadata.occurredAt);
    // One message still waiting for its reply when the scheduler looks.
    const waiting = (await new EventStoreLifeDirectory(h.store, catalogue).activeAgents())[0]!;
    const [talk] = await new EventStoreLifeDirectory(h.store, catalogue).conversationsWith(waiting.agentId);
    await sendTestMessage(
      new CommandHandler(new EventLog(h.store, catalogue)),
      { userId: talk!.userId, agentId: waiting.agentId, text: "still there?" },
      now,
    );
    await h.settle();
    folded = new EventStoreLifeDirectory(h.store, catalogue);
    projected = new ReadModelLifeDirectory(h.pool, { now: () => now, sleep: async () => {} });
  }, 120_000);
  afterAll(() => h?.close());

  it("sees the same agents as folding the event store, with the last month of their lives", async () => {
    const since = now.getTime() - 35 * DAY;
    const recent = (agent: LifeAgent) => ({
      ...agent,
      recentLifeEvents: agent.recentLifeEvents.filter((e) => Date.parse(e.occurredAt) >= since).slice(-200),
    });
    const expected = [...(await folded.activeAgents())].map(recent).sort(byAgent);
    const actual = [...(await projected.activeAgents())].sort(byAgent);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((a) => a.recentLifeEvents.length > 0 && a.lastBaselineDriftAt)).toBe(true);
    expect(actual).toEqual(expected);
  });

  it("sees the same conversations and people", async () => {
    const seen = { conversations: 0, remembering: 0, moody: 0, awaiting: 0, initiations: 0 };
    for (const agent of await folded.activeAgents()) {
      const expected = [...(await folded.conversationsWith(agent.agentId))].sort(byUser);
      const actual = [...(await projected.conversationsWith(agent.agentId))].sort(byUser);
      expect(actual).toEqual(expected);
      for (const conversation of expected) {
        seen.conversations++;
        if (conversation.rememberedFacts.length > 0) seen.remembering++;
        if (conversation.mood) seen.moody++;
        if (conversation.facts.awaitingReply) seen.awaiting++;
        const [want, got] = [
          await folded.person(conversation.userId),
          await projected.person(conversation.userId),
        ];
        expect(got && lately(got)).toEqual(want && lately(want));
        seen.initiations += want?.recentInitiations.length ?? 0;
      }
    }
    // The workload reaches every kind of fact the scheduler reads.
    expect(
      Object.values(seen).every((count) => count > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});

describe("the facts the life scheduler's directory remembers", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([
      agentsProjection,
      conversationsProjection,
      usersProjection,
      semanticMemoryProjection,
      memoryFactsProjection,
    ]);
  }, 60_000);
  afterAll(() => h?.close());

  it("leave out a fact the person had the agent forget, even when the latest summary lists it", async () => {
    const commands = new CommandHandler(new EventLog(h.store, catalogue));
    const ids = { userId: "u-forgets", agentId: "a-forgets" };
    await registerTestPersonAndAgent(commands, ids);
    const messageId = await sendTestMessage(commands, { ...ids, text: "My dog is called Rex." });
    const streamId = conversationStreamId(ids.userId, ids.agentId);
    const recordedAt = new Date().toISOString();
    const fact = (factId: string, text: string): WithmeEvent => ({
      type: "MemoryFactRecorded",
      data: { factId, text, kind: "pet", sourceMessageIds: [messageId], recordedAt },
    });
    await h.append(streamId, [
      fact("f-rex", "Sam's dog is called Rex."),
      fact("f-tea", "Sam likes tea."),
      fact("f-test", "Sam has a driving test tomorrow."),
      {
        type: "MemorySummarized",
        data: {
          summaryId: "s-1",
          summary: "Sam talked about their dog.",
          facts: ["Sam's dog is called Rex.", "Sam likes tea."],
          coversFromRevision: 0,
          coversToRevision: (await h.store.streamRevision(streamId))!,
          messageCount: 1,
        },
      },
      { type: "MemoryFactForgotten", data: { factId: "f-rex", by: "person", forgottenAt: recordedAt } },
    ]);
    await h.settle();
    const directory = new ReadModelLifeDirectory(h.pool, { now: () => new Date(), sleep: async () => {} });
    const [conversation] = await directory.conversationsWith(ids.agentId);
    expect(conversation?.rememberedFacts).toEqual(["Sam has a driving test tomorrow.", "Sam likes tea."]);
    expect(conversation?.eventsTold).toEqual([{ text: "Sam has a driving test tomorrow.", recordedAt }]);
  });
});

const byAgent = (a: { agentId: string }, b: { agentId: string }) => a.agentId.localeCompare(b.agentId);
const byUser = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);

/** The person as the caps see them: initiations within two days of their latest one. */
function lately(person: LifePerson) {
  const newest = Math.max(0, ...person.recentInitiations.map((i) => Date.parse(i.sentAt)));
  const kept = (i: SentInitiation) => Date.parse(i.sentAt) >= newest - 2 * DAY;
  const initiations = person.recentInitiations.filter(kept).map((i) => `${i.sentAt} ${i.agentId}`);
  return {
    userId: person.userId,
    displayName: person.displayName,
    timezone: person.timezone,
    quietHours: person.quietHours,
    doNotDisturb: person.doNotDisturb,
    recentInitiations: initiations.sort(),
  };
}
