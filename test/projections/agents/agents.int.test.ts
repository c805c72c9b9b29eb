import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentsProjection } from "../../../projections/agents/projection.ts";
import { getAgent, listAgents } from "../../../projections/agents/queries.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { agentStreamId } from "../../support/domainEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const createdAt = "2025-03-03T08:00:00.000Z";
const later = "2025-03-04T12:00:00.000Z";

function created(agentId: string, name: string): AgentEvent {
  return {
    type: "AgentCreated",
    data: {
      agentId,
      name,
      persona: {
        summary: "A warm barista who loves rainy mornings.",
        traits: ["warm", "curious"],
        speakingStyle: "Short sentences, a little teasing.",
        backstory: "Grew up by the sea.",
        interests: ["coffee"],
        selfDescribesAsAI: false,
      },
      identity: { homeCity: "Lisbon", occupation: "Barista", timezone: "Europe/Lisbon", hemisphere: "north" },
      appearancePrompt: "Short dark hair, freckles, green apron.",
      moodBaseline: { mood: "content", intensity: 0.5 },
      source: "manual",
      createdBy: "admin-1",
      createdAt,
    },
  };
}

function lifeEvent(id: string, occurredAt: string): AgentEvent {
  return {
    type: "AgentLifeEventOccurred",
    data: {
      agentId: "noa",
      lifeEventId: id,
      kind: "event",
      title: `Life event ${id}`,
      description: "Something happened at the café.",
      localTime: "2025-03-04T13:00",
      occurredAt,
      moodImpact: id === "l2" ? { mood: "joyful", intensity: 0.8 } : null,
    },
  };
}

describe("agents projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([agentsProjection]);
  });
  afterAll(() => h.close());

  it("projects profiles, portrait, scenarios, life events and archiving", async () => {
    const notices = h.listen(topics.agent("noa"));
    await h.append(
      agentStreamId("noa"),
      [
        created("noa", "Noa"),
        { type: "AgentRenamed", data: { agentId: "noa", name: "Noa M.", previousName: "Noa" } },
        {
          type: "AgentBasePortraitSet",
          data: { agentId: "noa", imageJobId: "job-1", url: "/media/agents/noa.png" },
        },
        {
          type: "ScenarioAdded",
          data: {
            agentId: "noa",
            scenarioId: "s1",
            title: "Morning shift",
            description: "Behind the counter.",
            window: { kind: "weekly", days: ["mon", "tue"], start: "07:00", end: "15:00" },
            addedAt: createdAt,
          },
        },
        {
          type: "ScenarioAdded",
          data: {
            agentId: "noa",
            scenarioId: "s2",
            title: "Trip",
            description: "A weekend in Porto.",
            window: { kind: "once", startsAt: later, endsAt: "2025-03-06T12:00:00.000Z" },
            addedAt: createdAt,
          },
        },
        { type: "ScenarioRetired", data: { agentId: "noa", scenarioId: "s2", reason: "cancelled" } },
        lifeEvent("l1", "2025-03-04T09:00:00.000Z"),
        lifeEvent("l2", "2025-03-04T11:00:00.000Z"),
        {
          type: "AgentMoodBaselineDrifted",
          data: {
            agentId: "noa",
            from: { mood: "content", intensity: 0.5 },
            to: { mood: "calm", intensity: 0.4 },
            reason: "a quiet week",
          },
        },
      ],
      later,
    );
    await h.append(
      agentStreamId("kai"),
      [
        created("kai", "Kai"),
        {
          type: "AgentArchived",
          data: { agentId: "kai", archivedBy: "admin-1", reason: null, archivedAt: later },
        },
      ],
      later,
    );
    await h.settle();

    expect((await listAgents(h.pool)).map((a) => a.id)).toEqual(["noa"]);
    expect((await listAgents(h.pool, { includeArchived: true })).map((a) => [a.id, a.status])).toEqual([
      ["kai", "archived"],
      ["noa", "active"],
    ]);
    const noa = await getAgent(h.pool, { id: "noa", lifeEvents: 5 });
    expect(noa).toMatchObject({
      name: "Noa M.",
      identity: { homeCity: "Lisbon", timezone: "Europe/Lisbon" },
      moodBaseline: { mood: "calm", intensity: 0.4 },
      basePortrait: { url: "/media/agents/noa.png", imageJobId: "job-1" },
      status: "active",
      source: "manual",
      createdAt,
      updatedAt: later,
      activeScenarioCount: 1,
      lifeEventCount: 2,
      lastLifeEventAt: "2025-03-04T11:00:00.000Z",
      revision: 8,
    });
    expect(noa?.scenarios.map((s) => [s.scenarioId, s.status, s.retireReason])).toEqual([
      ["s1", "active", null],
      ["s2", "retired", "cancelled"],
    ]);
    expect(noa?.scenarios[0]?.window).toEqual({
      kind: "weekly",
      days: ["mon", "tue"],
      start: "07:00",
      end: "15:00",
    });
    expect(noa?.recentLifeEvents.map((l) => [l.lifeEventId, l.moodImpact])).toEqual([
      ["l2", { mood: "joyful", intensity: 0.8 }],
      ["l1", null],
    ]);
    expect(await getAgent(h.pool, { id: "kai" })).toMatchObject({ status: "archived", archivedAt: later });
    expect(await getAgent(h.pool, { id: "nobody" })).toBeNull();

    await eventually(async () => notices.length === 9);
    expect(notices.every((n) => n.kind === "agent.updated")).toBe(true);
    expect(notices[0]?.payload).toMatchObject({
      id: "noa",
      name: "Noa",
      streamId: agentStreamId("noa"),
      revision: 0,
    });
    expect(notices[5]?.payload).toMatchObject({ scenario: { scenarioId: "s2", status: "retired" } });
    expect(notices[7]?.payload).toMatchObject({ lifeEvent: { lifeEventId: "l2" }, lifeEventCount: 2 });
    expect(typeof notices[8]?.payload.position).toBe("string");
  });

  it("projects card content and the lorebooks an agent reads, without the card's kept extensions", async () => {
    const card = (event: AgentEvent): AgentEvent => event;
    await h.append(
      agentStreamId("mira"),
      [
        {
          ...created("mira", "Mira"),
          data: { ...created("mira", "Mira").data, source: "card" },
        } as AgentEvent,
        card({
          type: "AgentGreetingsUpdated",
          data: { agentId: "mira", greetings: ["Hi {{user}}.", "You again?"] },
        }),
        card({ type: "AgentStyleExamplesUpdated", data: { agentId: "mira", styleExamples: "<START>\nHi." } }),
        card({
          type: "AgentPromptPartsUpdated",
          data: {
            agentId: "mira",
            promptParts: { setting: "A cellar.", systemPrompt: "", postHistoryInstructions: "Rain." },
          },
        }),
        card({
          type: "AgentCardDetailsUpdated",
          data: {
            agentId: "mira",
            details: {
              nickname: "",
              creatorNotes: "Notes.",
              creatorNotesMultilingual: {},
              tags: ["fantasy"],
              creator: "someone",
              characterVersion: "2.3",
              sources: [],
              groupOnlyGreetings: [],
              creationDate: null,
              extensions: { depth_prompt: { prompt: "secret" } },
            },
          },
        }),
        card({ type: "AgentLorebookAttached", data: { agentId: "mira", lorebookId: "b1" } }),
        card({ type: "AgentLorebookAttached", data: { agentId: "mira", lorebookId: "b2" } }),
        card({ type: "AgentLorebookDetached", data: { agentId: "mira", lorebookId: "b1" } }),
      ],
      later,
    );
    await h.settle();
    const mira = await getAgent(h.pool, { id: "mira" });
    expect(mira).toMatchObject({
      source: "card",
      lorebookIds: ["b2"],
      revision: 7,
      card: {
        greetings: ["Hi {{user}}.", "You again?"],
        styleExamples: "<START>\nHi.",
        promptParts: { setting: "A cellar.", systemPrompt: "", postHistoryInstructions: "Rain." },
        details: { creatorNotes: "Notes.", tags: ["fantasy"], creator: "someone", characterVersion: "2.3" },
      },
    });
    expect(mira?.card.details).not.toHaveProperty("extensions");
    const noa = await getAgent(h.pool, { id: "noa" });
    expect(noa).toMatchObject({ lorebookIds: [], card: { greetings: [], styleExamples: "" } });
  });

  it("lists agents by name whatever their case, as a person reads a list", async () => {
    for (const [id, name] of [
      ["zoe", "Zoë"],
      ["anna", "anna"],
      ["bo", "Bo"],
    ] as const)
      await h.append(agentStreamId(id), [created(id, name)], later);
    await h.settle();
    const names = (await listAgents(h.pool)).map((a) => a.name);
    expect(names.filter((name) => ["Zoë", "anna", "Bo"].includes(name))).toEqual(["anna", "Bo", "Zoë"]);
  });
});
