import { describe, expect, it } from "vitest";
import {
  decideInitiation,
  defaultInitiationConfig,
  type InitiationInput,
} from "../../../src/application/life/initiationPolicy.ts";

const HOUR = 3_600_000;
const now = new Date("2025-10-21T13:00:00Z"); // 14:00 in London (GMT+1 until 26 Oct), a Tuesday
const hoursBefore = (hours: number, from = now) => new Date(from.getTime() - hours * HOUR).toISOString();

function input(
  overrides: Partial<InitiationInput> = {},
  conversation: Partial<InitiationInput["conversation"]> = {},
) {
  return {
    conversation: {
      started: true,
      lastUserMessageAt: hoursBefore(6),
      lastAgentMessageAt: hoursBefore(6),
      initiationsSinceUserMessage: 0,
      lastInitiatedAt: null,
      affinity: 30,
      awaitingReply: false,
      ...conversation,
    },
    person: { timezone: "Europe/London", quietHours: { start: "22:00", end: "07:00" }, doNotDisturb: false },
    personInitiations: [],
    agent: { status: "free" as const },
    latestLifeEvent: null,
    now,
    ...overrides,
  } satisfies InitiationInput;
}

describe("decideInitiation", () => {
  it("writes first when the person has been silent long enough and everything allows it", () => {
    expect(decideInitiation(input())).toEqual({ initiate: true, trigger: "check_in" });
  });

  it.each([
    ["NoConversation", input({}, { started: false })],
    ["DoNotDisturb", input({ person: { ...input().person, doNotDisturb: true } })],
    ["AwaitingReply", input({}, { awaitingReply: true })],
    ["AgentAsleep", input({ agent: { status: "asleep" } })],
    ["AgentBusy", input({ agent: { status: "busy" } })],
    ["AffinityTooLow", input({}, { affinity: 19 })],
    [
      "NotSilentLongEnough",
      input({}, { lastUserMessageAt: hoursBefore(3), lastAgentMessageAt: hoursBefore(3) }),
    ],
    ["NotSilentLongEnough", input({}, { lastAgentMessageAt: hoursBefore(1) })],
  ])("says no: %s", (reason, given) => {
    expect(decideInitiation(given)).toEqual({ initiate: false, reason });
  });

  it("keeps quiet hours that run past midnight, in the person's time zone", () => {
    const at = (iso: string) =>
      decideInitiation(
        input(
          { now: new Date(iso) },
          {
            lastUserMessageAt: hoursBefore(10, new Date(iso)),
            lastAgentMessageAt: hoursBefore(10, new Date(iso)),
          },
        ),
      );
    expect(at("2025-10-21T21:30:00Z")).toEqual({ initiate: false, reason: "QuietHours" }); // 22:30 BST
    expect(at("2025-10-22T05:30:00Z")).toEqual({ initiate: false, reason: "QuietHours" }); // 06:30 BST
    expect(at("2025-10-22T06:00:00Z").initiate).toBe(true); // 07:00 BST
  });

  it("uses default quiet hours when the person set none, and UTC without a time zone", () => {
    const person = { timezone: null, quietHours: null, doNotDisturb: false };
    const late = new Date("2025-10-21T23:00:00Z");
    expect(
      decideInitiation(input({ person, now: late }, { lastUserMessageAt: hoursBefore(10, late) })),
    ).toEqual({
      initiate: false,
      reason: "QuietHours",
    });
    expect(defaultInitiationConfig.defaultQuietHours).toEqual({ start: "22:00", end: "08:00" });
  });

  it("follows the clocks across a DST change (New York, 2 Nov 2025)", () => {
    const person = {
      timezone: "America/New_York",
      quietHours: { start: "22:00", end: "07:00" },
      doNotDisturb: false,
    };
    const at = (iso: string) =>
      decideInitiation(
        input(
          { person, now: new Date(iso) },
          {
            lastUserMessageAt: hoursBefore(10, new Date(iso)),
            lastAgentMessageAt: hoursBefore(10, new Date(iso)),
          },
        ),
      );
    expect(at("2025-11-01T11:30:00Z").initiate).toBe(true); // 07:30 EDT
    expect(at("2025-11-02T11:30:00Z")).toEqual({ initiate: false, reason: "QuietHours" }); // 06:30 EST
    expect(at("2025-11-02T12:00:00Z").initiate).toBe(true); // 07:00 EST
  });

  it("follows the clocks across a DST change (Berlin, 30 Mar 2025)", () => {
    const person = {
      timezone: "Europe/Berlin",
      quietHours: { start: "22:00", end: "07:00" },
      doNotDisturb: false,
    };
    const at = (iso: string) =>
      decideInitiation(
        input(
          { person, now: new Date(iso) },
          {
            lastUserMessageAt: hoursBefore(10, new Date(iso)),
            lastAgentMessageAt: hoursBefore(10, new Date(iso)),
          },
        ),
      );
    expect(at("2025-03-29T05:30:00Z")).toEqual({ initiate: false, reason: "QuietHours" }); // 06:30 CET
    expect(at("2025-03-30T05:30:00Z").initiate).toBe(true); // 07:30 CEST
  });

  it("backs off ×2 and ×4 while unanswered, then stops after three", () => {
    const unanswered = (count: number, hoursSinceLast: number) =>
      decideInitiation(
        input(
          {},
          {
            lastUserMessageAt: hoursBefore(48),
            lastAgentMessageAt: hoursBefore(hoursSinceLast),
            initiationsSinceUserMessage: count,
            lastInitiatedAt: hoursBefore(hoursSinceLast),
          },
        ),
      );
    expect(unanswered(1, 7.9)).toEqual({ initiate: false, reason: "BackingOff" });
    expect(unanswered(1, 8)).toEqual({ initiate: true, trigger: "follow_up" });
    expect(unanswered(2, 15.9)).toEqual({ initiate: false, reason: "BackingOff" });
    expect(unanswered(2, 16)).toEqual({ initiate: true, trigger: "follow_up" });
    expect(unanswered(3, 100)).toEqual({ initiate: false, reason: "SilenceLimitReached" });
    expect(defaultInitiationConfig.maxPerSilence).toBe(3);
  });

  it("caps initiations per person per calendar day in their time zone", () => {
    const person = {
      timezone: "Asia/Kolkata",
      quietHours: { start: "23:30", end: "06:30" },
      doNotDisturb: false,
    };
    // 13:00Z is 18:30 in Kolkata; its day began at 18:30Z the day before.
    const today = ["2025-10-20T19:00:00Z", "2025-10-21T09:00:00Z"];
    expect(decideInitiation(input({ person, personInitiations: today }))).toEqual({
      initiate: false,
      reason: "DailyLimitReached",
    });
    const yesterday = ["2025-10-20T18:00:00Z", "2025-10-21T09:00:00Z"];
    expect(decideInitiation(input({ person, personInitiations: yesterday })).initiate).toBe(true);
  });

  it("names the trigger: a fresh life event, a morning greeting, a good night", () => {
    const latestLifeEvent = { lifeEventId: "life-1", occurredAt: hoursBefore(1) };
    expect(decideInitiation(input({ latestLifeEvent }))).toEqual({
      initiate: true,
      trigger: "life_event",
      lifeEventId: "life-1",
    });
    expect(
      decideInitiation(input({ latestLifeEvent: { ...latestLifeEvent, occurredAt: hoursBefore(5) } })),
    ).toEqual({
      initiate: true,
      trigger: "check_in",
    });
    const morning = new Date("2025-10-21T07:30:00Z"); // 08:30 BST
    expect(
      decideInitiation(
        input(
          { now: morning },
          { lastUserMessageAt: hoursBefore(10, morning), lastAgentMessageAt: hoursBefore(10, morning) },
        ),
      ),
    ).toEqual({
      initiate: true,
      trigger: "morning_greeting",
    });
    const evening = new Date("2025-10-21T20:30:00Z"); // 21:30 BST
    expect(
      decideInitiation(
        input(
          { now: evening },
          { lastUserMessageAt: hoursBefore(10, evening), lastAgentMessageAt: hoursBefore(10, evening) },
        ),
      ),
    ).toEqual({
      initiate: true,
      trigger: "good_night",
    });
  });
});
