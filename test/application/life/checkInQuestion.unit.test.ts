import { describe, expect, it } from "vitest";
import { checkInQuestion } from "../../../src/application/life/checkInQuestion.ts";
import { defaultInitiationConfig } from "../../../src/application/life/initiationPolicy.ts";
import {
  templateInitiationText,
  templateInitiationWriter,
} from "../../../src/application/life/initiationText.ts";
import { emptyTickReport } from "../../../src/application/life/lifeCommands.ts";
import type { LifeAgent } from "../../../src/application/life/lifeDirectories.ts";
import { runInitiations } from "../../../src/application/life/lifeInitiations.ts";
import type { EventTold } from "../../../src/application/memory/eventDue.ts";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import type { Availability } from "../../../src/domain/agent/availability.ts";

/** What the agent remembers of a line the person said at a moment. */
const told = (said: string, at: string): EventTold[] =>
  extractFacts(said, { personName: "Sam", agentName: "Mira", previous: { person: null, agent: null } }).map(
    (fact) => ({ text: fact.text, recordedAt: at }),
  );

const ask = (
  eventsTold: EventTold[],
  now: string,
  more: Partial<Parameters<typeof checkInQuestion>[0]> = {},
) =>
  checkInQuestion({
    eventsTold,
    lastUserMessageAt: eventsTold[0]?.recordedAt ?? null,
    lastInitiatedAt: null,
    timezone: "Europe/London",
    personName: "Sam",
    now: new Date(now),
    ...more,
  });

describe("a check-in after something the person said was coming up", () => {
  // Monday 2026-11-30, 20:00 in London.
  const monday = "2026-11-30T20:00:00.000Z";

  it("asks how it went by name once its day is over, not before", () => {
    const test = told("I have my driving test tomorrow", monday);
    expect(ask(test, "2026-12-01T16:00:00Z")).toBeNull();
    expect(ask(test, "2026-12-02T10:00:00Z")).toBe("How did the driving test go?");
    const cases: [string, string, RegExp][] = [
      ["job interview on Friday", "2026-12-05T11:00:00Z", /^How did the job interview go\?$/],
      ["my sister's wedding is this weekend", "2026-12-07T11:00:00Z", /^How was the wedding\?$/],
      ["I'm flying to Lisbon on wednesday", "2026-12-03T11:00:00Z", /^How was Lisbon\?$/],
    ];
    for (const [said, now, asked] of cases) {
      const events = told(said, monday);
      expect(events.length, said).toBeGreaterThan(0);
      expect(ask(events, now), said).toMatch(asked);
    }
  });

  it("counts the day on the person's clock", () => {
    // Tuesday 10:00 in Sydney, Monday 23:00 in UTC: the test told on Sunday night is over there.
    const test = told("I have my driving test tomorrow", "2026-11-29T10:00:00.000Z");
    expect(ask(test, "2026-11-30T23:00:00Z", { timezone: "Australia/Sydney" })).toBe(
      "How did the driving test go?",
    );
    expect(ask(test, "2026-11-30T23:00:00Z", { timezone: "America/Los_Angeles" })).toBeNull();
  });

  it("asks once: not after a check-in since, nor after the person wrote since", () => {
    const test = told("I have my driving test tomorrow", monday);
    const now = "2026-12-03T10:00:00Z";
    expect(ask(test, now, { lastInitiatedAt: "2026-12-02T09:00:00Z" })).toBeNull();
    expect(ask(test, now, { lastUserMessageAt: "2026-12-02T12:00:00Z" })).toBeNull();
    // A check-in before the day was over does not count as asking.
    expect(ask(test, now, { lastInitiatedAt: "2026-12-01T09:00:00Z" })).toBe("How did the driving test go?");
  });

  it("leaves alone what names no event, and what was over more than two weeks ago", () => {
    expect(ask(told("I'm tired tomorrow probably", monday), "2026-12-03T10:00:00Z")).toBeNull();
    expect(ask(told("I have my driving test tomorrow", monday), "2026-12-20T10:00:00Z")).toBeNull();
  });

  it("is the question the check-in message asks, whatever its hello", () => {
    const base = {
      agentName: "Mira",
      personName: "Sam",
      lifeEvent: { title: "Bread", description: "I baked bread this morning." },
      rememberedFact: "Sam loves hiking.",
      askAbout: "How did the driving test go?",
    };
    for (const trigger of ["check_in", "morning_greeting", "good_night", "life_event"] as const)
      for (let i = 0; i < 5; i++) {
        const text = templateInitiationText({ ...base, trigger, seed: `s${i}` });
        expect(text, trigger).toMatch(/How did the driving test go\?$/);
        expect(text.match(/\?/g), text).toHaveLength(1);
      }
    expect(templateInitiationText({ ...base, trigger: "follow_up", seed: "f" })).not.toMatch(/driving/);
  });
});

describe("the scheduler's check-in", () => {
  it("asks how the driving test went in the message it sends, and a follow-up does not", async () => {
    const sent = async (initiationsSinceUserMessage: number) => {
      const texts: string[] = [];
      const facts = {
        started: true,
        lastUserMessageAt: "2026-11-30T20:00:00.000Z",
        lastAgentMessageAt: "2026-11-30T20:00:05.000Z",
        initiationsSinceUserMessage,
        lastInitiatedAt: initiationsSinceUserMessage > 0 ? "2026-12-01T09:00:00.000Z" : null,
        affinity: 50,
        awaitingReply: false,
      };
      await runInitiations({
        agent: { agentId: "a-1", name: "Mira" } as LifeAgent,
        conversations: [
          {
            userId: "u-1",
            agentId: "a-1",
            facts,
            mood: null,
            moodSince: null,
            rememberedFacts: ["Sam loves hiking."],
            eventsTold: told("I have my driving test tomorrow", "2026-11-30T20:00:00.000Z"),
          },
        ],
        availability: { status: "free", reason: "", replyMode: "normal", maxSentences: 4 } as Availability,
        recentLifeEvents: [],
        directory: {
          conversationsWith: async () => [],
          person: async () => ({
            userId: "u-1",
            displayName: "Sam Reed",
            timezone: "Europe/London",
            quietHours: null,
            doNotDisturb: false,
            recentInitiations: [],
          }),
        },
        writer: templateInitiationWriter,
        config: { ...defaultInitiationConfig, chancePerCheck: 1 },
        issue: async (_decider, _stream, command) => {
          texts.push((command as { text: string }).text);
          return true;
        },
        now: new Date("2026-12-02T14:00:00Z"),
        slot: "2026-12-02T14:00",
        report: emptyTickReport(""),
        byPerson: new Map(),
      });
      return texts;
    };
    expect(await sent(0)).toEqual([expect.stringMatching(/How did the driving test go\?$/)]);
    expect((await sent(1))[0]).not.toMatch(/driving test/);
  });
});
