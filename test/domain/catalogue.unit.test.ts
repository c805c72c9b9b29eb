import { describe, expect, it } from "vitest";
import {
  catalogue,
  eventDefinitions,
  type WithmeEvent,
  type WithmeEventType,
} from "../../src/domain/catalogue.ts";
import {
  EventCatalogue,
  InvalidEventError,
  UnknownEventTypeError,
} from "../../src/domain/shared/eventCatalogue.ts";
import { created, weeklyScenario } from "./agent/fixtures.ts";
import { answered, sent } from "./conversation/fixtures.ts";
import { Story } from "./conversation/story.ts";

/** Every kind of event the conversation tree writes. */
const tree = (() => {
  const story = new Story()
    .send("m1")
    .reply("r1", "m1")
    .mood("playful", 0.6)
    .affinity(2)
    .grantImage("q1", "m1");
  story.run({ type: "DeclineImageRequest", requestId: "q2", reason: "too_soon", inReplyTo: "m1" });
  story.run({ type: "InitiateMessage", messageId: "i1", text: "Guess what!", trigger: "check_in" });
  story.run({
    type: "SummarizeMemory",
    summaryId: "s1",
    summary: "They met.",
    facts: ["Mia likes tea."],
    coversFromRevision: 0,
    coversToRevision: 3,
    messageCount: 2,
  });
  story.regenerate("r1", "r1b", "again").edit("m1", "m1b").choose("m1").branch("m1");
  story.run({ type: "HideMessage", messageId: "r1b", clientRequestId: "h1" });
  story.run({ type: "UnhideMessage", messageId: "r1b", clientRequestId: "u1" });
  story.run({
    type: "RecordMemoryFact",
    factId: "f1",
    text: "Mia has a dog called Biscuit",
    kind: "pet",
    sourceMessageIds: ["m1"],
    quote: "I have a dog called Biscuit",
  });
  story.run({ type: "CorrectMemoryFact", factId: "f1", text: "Mia has a cat called Biscuit", by: "person" });
  story.run({ type: "ForgetMemoryFact", factId: "f1", by: "admin" });
  return story.events;
})();

/** Fails to compile when a type is added to or removed from the union without this list. */
const everyType: Record<WithmeEventType, true> = {
  UserRegistered: true,
  UserProfileUpdated: true,
  PushSubscriptionRegistered: true,
  PushSubscriptionRemoved: true,
  AccountDeletionRequested: true,
  AccountDeletionCancelled: true,
  PersonErased: true,
  AgentCreated: true,
  AgentRenamed: true,
  AgentPersonaUpdated: true,
  AgentIdentityUpdated: true,
  AgentAppearanceUpdated: true,
  AgentBasePortraitSet: true,
  ScenarioAdded: true,
  ScenarioRetired: true,
  AgentLifeEventOccurred: true,
  AgentMoodBaselineDrifted: true,
  AgentArchived: true,
  AgentUnarchived: true,
  AgentGreetingsUpdated: true,
  AgentStyleExamplesUpdated: true,
  AgentPromptPartsUpdated: true,
  AgentCardDetailsUpdated: true,
  AgentLorebookAttached: true,
  AgentLorebookDetached: true,
  ConversationStarted: true,
  UserMessageSent: true,
  AgentReplyStarted: true,
  AgentReplyCompleted: true,
  AgentReplyFailed: true,
  MoodShifted: true,
  AffinityChanged: true,
  ImageRequestGranted: true,
  ImageRequestDeclined: true,
  MemorySummarized: true,
  AgentInitiatedMessage: true,
  ActivePathChanged: true,
  MessageHidden: true,
  MessageUnhidden: true,
  MemoryFactRecorded: true,
  MemoryFactCorrected: true,
  MemoryFactForgotten: true,
  MemorySummariesWithdrawn: true,
  ImageJobRequested: true,
  ImageJobSubmitted: true,
  ImageJobProgressed: true,
  ImageJobSucceeded: true,
  ImageJobRetryScheduled: true,
  ImageJobFailed: true,
  LorebookCreated: true,
  LorebookDetailsUpdated: true,
  LorebookEntryAdded: true,
  LorebookEntryUpdated: true,
  LorebookEntryRemoved: true,
  LorebookDeleted: true,
};

const v1AgentCreated = (() => {
  const { moodBaseline: _, ...data } = created.data;
  return { ...data, persona: { ...data.persona, selfDescribesAsAI: undefined } };
})();

describe("the event catalogue", () => {
  it("registers every event type exactly once", () => {
    const types = catalogue.types();
    expect(new Set(types).size).toBe(types.length);
    expect(types.toSorted()).toEqual(Object.keys(everyType).toSorted());
    expect(eventDefinitions).toHaveLength(types.length);
  });

  it("refuses a definition given twice", () => {
    expect(() => new EventCatalogue([...eventDefinitions, eventDefinitions[0]!])).toThrow(/defined twice/);
  });

  it("names every event in the past tense", () => {
    for (const type of catalogue.types())
      expect(type).toMatch(/[a-z](ed|Sent|Set|[Hh]idden|Forgotten|Withdrawn)([A-Z]|$)/);
  });

  it.each<WithmeEvent>([created, weeklyScenario, ...answered, ...tree])(
    "accepts what the deciders write: $type",
    (event) => {
      expect(catalogue.validate(event)).toEqual(event.data);
    },
  );

  it.each([
    ["UserMessageSent", { ...sent("m1").data, text: "" }],
    ["UserMessageSent", { ...sent("m1").data, text: "x".repeat(4001) }],
    ["UserMessageSent", { ...sent("m1").data, sentAt: "yesterday" }],
    ["AgentCreated", { ...created.data, identity: { ...created.data.identity, timezone: "Mars/Olympus" } }],
    ["AgentCreated", { ...created.data, moodBaseline: { mood: "ecstatic", intensity: 0.5 } }],
    [
      "UserProfileUpdated",
      {
        userId: "u1",
        displayName: "Mia",
        timezone: null,
        quietHours: { start: "25:00", end: "07:00" },
        doNotDisturb: false,
        updatedAt: "2025-01-01T00:00:00Z",
      },
    ],
    ["AffinityChanged", { delta: 3, requestedDelta: 3, reason: "kind", value: 101 }],
    [
      "MemorySummarized",
      {
        summaryId: "s",
        summary: "x",
        facts: [],
        coversFromRevision: 5,
        coversToRevision: 4,
        messageCount: 1,
      },
    ],
    [
      "ImageJobRequested",
      {
        imageJobId: "j",
        kind: "variation",
        agentId: "a",
        prompt: "p",
        requestedBy: "u",
        maxAttempts: 3,
        requestedAt: "2025-01-01T00:00:00Z",
      },
    ],
    [
      "PushSubscriptionRegistered",
      {
        userId: "u1",
        kind: "webpush",
        endpoint: "https://x",
        keys: null,
        registeredAt: "2025-01-01T00:00:00Z",
      },
    ],
  ])("rejects invalid %s data", (type, data) => {
    expect(() => catalogue.validate({ type, data })).toThrow(InvalidEventError);
    expect(() => catalogue.parse(type, catalogue.currentVersion(type), data)).toThrow(InvalidEventError);
  });

  it("rejects unknown event types", () => {
    expect(() => catalogue.validate({ type: "SomethingHappened", data: {} })).toThrow(UnknownEventTypeError);
  });
});

describe("upcasting", () => {
  it("reads AgentCreated version 1 with the default mood baseline", () => {
    expect(catalogue.currentVersion("AgentCreated")).toBe(2);
    const event = catalogue.parse("AgentCreated", 1, JSON.parse(JSON.stringify(v1AgentCreated)));
    expect(event).toEqual({ type: "AgentCreated", data: created.data });
  });

  it("keeps a mood baseline a version 1 event happened to carry", () => {
    const data = { ...v1AgentCreated, moodBaseline: { mood: "tired", intensity: 0.2 } };
    expect(catalogue.parse("AgentCreated", 1, data).data).toMatchObject({
      moodBaseline: { mood: "tired", intensity: 0.2 },
    });
  });

  it("does not invent a mood baseline for a version 2 event without one", () => {
    expect(() => catalogue.parse("AgentCreated", 2, v1AgentCreated)).toThrow(InvalidEventError);
  });

  it("reads current versions as they are", () => {
    for (const event of tree)
      expect(catalogue.parse(event.type, catalogue.currentVersion(event.type), event.data)).toEqual(event);
  });

  it.each([
    "UserMessageSent",
    "AgentReplyStarted",
    "AgentInitiatedMessage",
    "MoodShifted",
    "AffinityChanged",
    "ImageRequestGranted",
    "ImageRequestDeclined",
    "MemorySummarized",
  ])("reads %s version 1 without a place in the tree, which the fold gives it", (type) => {
    expect(catalogue.currentVersion(type)).toBe(type === "MemorySummarized" ? 3 : 2);
    const written = tree.find((e) => e.type === type)!;
    const { parentId: _p, causedBy: _c, ...v1 } = written.data as Record<string, unknown>;
    expect(catalogue.parse(type, 1, JSON.parse(JSON.stringify(v1)))).toEqual({ type, data: v1 });
  });

  it("reads MemorySummarized version 2 as a summary that rewrites none", () => {
    const written = tree.find((e) => e.type === "MemorySummarized")!;
    expect(catalogue.parse("MemorySummarized", 2, written.data)).toEqual(written);
  });

  it("reads ActivePathChanged version 1 without the replies owed on the path", () => {
    expect(catalogue.currentVersion("ActivePathChanged")).toBe(2);
    const v1 = {
      leafId: "r1",
      previousLeafId: "r2",
      via: "branch",
      messageId: "r1",
      clientRequestId: "q1",
      mood: null,
      affinity: 0,
      changedAt: "2025-05-01T09:00:00.000Z",
    };
    expect(catalogue.parse("ActivePathChanged", 1, v1)).toEqual({ type: "ActivePathChanged", data: v1 });
  });

  it("reads a version 1 message as it was written", () => {
    expect(catalogue.parse("UserMessageSent", 1, sent("m1").data)).toEqual(sent("m1"));
  });
});
