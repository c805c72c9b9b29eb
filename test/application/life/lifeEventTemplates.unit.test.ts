import { describe, expect, it } from "vitest";
import {
  type LifeAgentProfile,
  renderTemplate,
  templateSuits,
} from "../../../src/application/life/lifeEventPlanner.ts";
import { LIFE_EVENT_TEMPLATES } from "../../../src/application/life/lifeEventTemplates.ts";
import { promptLifeEvents } from "../../../src/application/life/lifeWiring.ts";
import { seededRandom } from "../../../src/application/life/seededRandom.ts";
import { lifeEventRemark } from "../../../src/application/persona/personaSmallTalk.ts";
import type { ReplyContext } from "../../../src/application/prompt/replyContext.ts";
import { RHYTHM_KINDS, type RhythmKind, rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { simulatePlans } from "./lifeFixtures.ts";

/** An occupation of each kind, as people write them. */
const OCCUPATIONS: Record<RhythmKind, readonly string[]> = {
  retired: ["retired jazz pianist", "Retired teacher", "pensioner"],
  nightShift: ["ICU nurse", "paramedic"],
  earlyShift: ["barista", "baker", "florist"],
  eveningShift: ["bartender", "chef"],
  student: ["university student", "PhD student"],
  school: ["primary school teacher", "maths tutor"],
  trade: ["plumber", "carpenter"],
  freelance: ["illustrator", "jazz pianist", "freelance writer"],
  home: ["stay-at-home dad", "unemployed"],
  office: ["accountant", "software engineer"],
};

const agentOf = (occupation: string, interest: string): LifeAgentProfile => ({
  agentId: `agent-${occupation}`,
  name: "Ruth Bell",
  identity: { homeCity: "New Orleans", occupation, timezone: "America/Chicago", hemisphere: "north" },
  interests: [interest],
});

const remarkOf = (title: string, description: string): string => {
  const now = new Date("2025-10-22T12:00:00Z");
  const lifeEvents = promptLifeEvents(
    [
      {
        lifeEventId: "e",
        kind: "event",
        title,
        description,
        occurredAt: now.toISOString(),
        moodImpact: null,
      },
    ],
    now,
  );
  const context = { agent: { name: "Ruth Bell" }, lifeEvents } as unknown as ReplyContext;
  return `${lifeEventRemark(context)}.`;
};

describe("life event templates × occupation kinds", () => {
  it("names an occupation for every rhythm kind, and reads each as its kind", () => {
    for (const kind of RHYTHM_KINDS)
      for (const occupation of OCCUPATIONS[kind]) expect(rhythmFor(occupation).kind, occupation).toBe(kind);
  });

  it("writes every suitable template as grammatical lines, retold too", () => {
    let checked = 0;
    for (const kind of RHYTHM_KINDS) {
      for (const occupation of OCCUPATIONS[kind]) {
        const rhythm = rhythmFor(occupation);
        for (const t of LIFE_EVENT_TEMPLATES.filter((t) => templateSuits(t, rhythm, occupation))) {
          for (const interest of ["jazz", "surfing", "old films"]) {
            const agent = agentOf(occupation, interest);
            const { title, description } = renderTemplate(t, {
              agent,
              rhythm,
              season: "autumn",
              random: seededRandom(t.id),
            });
            const where = `${t.id} for a ${occupation}`;
            expect(grammarProblems(title, "title"), `${where}: ${title}`).toEqual([]);
            expect(grammarProblems(description), `${where}: ${description}`).toEqual([]);
            const remark = remarkOf(title, description);
            expect(grammarProblems(remark), `${where}: ${remark}`).toEqual([]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("gives the retired no work, the nurse shifts, the student classes, the freelancer clients", () => {
    const suited = (occupation: string) =>
      LIFE_EVENT_TEMPLATES.filter((t) => templateSuits(t, rhythmFor(occupation), occupation));
    const text = (occupation: string) =>
      suited(occupation)
        .map((t) => `${t.title} ${t.description}`)
        .join("\n");
    const retired = text("retired jazz pianist");
    expect(retired).not.toMatch(
      /meeting|office|shift|commute|lecture|client|\{workplace\}|day off|night off/i,
    );
    expect(suited("retired jazz pianist").map((t) => t.id)).toContain("morning-walk");
    expect(suited("ICU nurse").map((t) => t.id)).toEqual(
      expect.arrayContaining(["shift-handover", "patient-thanks"]),
    );
    expect(suited("university student").map((t) => t.id)).toContain("long-lecture");
    expect(suited("illustrator").map((t) => t.id)).toContain("client-feedback");
    for (const kind of RHYTHM_KINDS.filter((k) => k !== "office"))
      for (const occupation of OCCUPATIONS[kind])
        expect(text(occupation), occupation).not.toMatch(/could have been an email/);
    expect(text("baker")).not.toMatch(/latte|pulled shots/);
    expect(text("paramedic")).toMatch(/night shift/i);
    expect(text("paramedic")).not.toMatch(/ward/i);
  });

  it("fills a retired pianist's fortnight with a retired life", () => {
    const agent = agentOf("retired jazz pianist", "jazz records");
    const events = simulatePlans(agent, "2025-11-30T00:00:00Z", 14);
    expect(events.length).toBeGreaterThan(14);
    for (const event of events) {
      expect(`${event.title} ${event.description}`).not.toMatch(/meeting|office|shift|commute|work\b/i);
      expect(grammarProblems(remarkOf(event.title, event.description))).toEqual([]);
    }
  });
});

describe("grammar check", () => {
  it("catches the broken lines it is there for", () => {
    expect(grammarProblems("Oh, and I a meeting that could have been an email.")).not.toEqual([]);
    expect(grammarProblems("I the the meeting.")).not.toEqual([]);
    expect(grammarProblems("i sat through a meeting.")).not.toEqual([]);
    expect(grammarProblems("I sat through a meeting")).not.toEqual([]);
    expect(grammarProblems("Sat through a {thing}.")).not.toEqual([]);
    expect(grammarProblems("Oh, and I sat through an hour-long meeting.")).toEqual([]);
  });
});
