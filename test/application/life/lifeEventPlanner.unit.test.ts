import { describe, expect, it } from "vitest";
import { timeInconsistencies } from "../../../src/application/life/lifeEventConsistency.ts";
import { parseLifeEventId, planLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";
import { clock, template } from "../../../src/application/life/lifeEventTemplateKit.ts";
import { LIFE_EVENT_TEMPLATES } from "../../../src/application/life/lifeEventTemplates.ts";
import { rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";
import { aiko, lena, marcus, priya, QUARTER_HOUR, simulatePlans } from "./lifeFixtures.ts";

const DAY = 86_400_000;

describe("planLifeEvent", () => {
  it("plans the same event for the same agent and slot", () => {
    const input = {
      agent: marcus,
      now: new Date("2025-10-25T15:00:00Z"),
      activeScenarios: [],
      recentLifeEvents: [],
    };
    const plans = Array.from({ length: 3 }, () => planLifeEvent(input));
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
  });

  // Berlin and New York both leave summer time inside this window (26 Oct, 2 Nov).
  it.each([lena, marcus, aiko, priya])("keeps $name's events on the local clock for two weeks", (agent) => {
    const events = simulatePlans(agent, "2025-10-20T00:00:00Z", 14);
    const rhythm = rhythmFor(agent.identity.occupation);
    expect(events.length).toBeGreaterThan(14 * 3);
    for (const event of events) {
      const local = localDateTime(event.occurredAt, agent.identity.timezone);
      expect(timeInconsistencies(event, local, { rhythm, hemisphere: agent.identity.hemisphere })).toEqual(
        [],
      );
    }
  });

  it("never repeats a template within its cooldown", () => {
    for (const agent of [lena, marcus, aiko]) {
      const events = simulatePlans(agent, "2025-10-20T00:00:00Z", 14);
      const last = new Map<string, number>();
      for (const event of events) {
        const templateId = parseLifeEventId(event.lifeEventId)!.templateId;
        const cooldown = LIFE_EVENT_TEMPLATES.find((t) => t.id === templateId)!.cooldownDays;
        const at = Date.parse(event.occurredAt);
        if (last.has(templateId)) expect(at - last.get(templateId)!).toBeGreaterThanOrEqual(cooldown * DAY);
        last.set(templateId, at);
      }
    }
  });

  it("fits the occupation: ward work at night for the nurse, the morning rush for the barista", () => {
    const nurse = simulatePlans(lena, "2025-10-20T00:00:00Z", 14);
    for (const e of nurse.filter((e) => e.lifeEventId.endsWith("~quiet-hour-on-ward"))) {
      const hour = Number(localDateTime(e.occurredAt, "Europe/Berlin").time.slice(0, 2));
      expect(hour).toBeLessThan(5);
    }
    const barista = simulatePlans(marcus, "2025-10-20T00:00:00Z", 14);
    const rush = barista.filter((e) => e.lifeEventId.endsWith("~morning-rush"));
    for (const e of rush) {
      const local = localDateTime(e.occurredAt, "America/New_York");
      expect(["mon", "tue", "wed", "thu", "fri"]).toContain(local.weekday);
      expect(Number(local.time.slice(0, 2))).toBeGreaterThanOrEqual(7);
      expect(Number(local.time.slice(0, 2))).toBeLessThan(10);
    }
  });

  it("commutes only on workdays", () => {
    for (const agent of [marcus, aiko, priya]) {
      const rhythm = rhythmFor(agent.identity.occupation);
      for (const e of simulatePlans(agent, "2025-10-20T00:00:00Z", 14).filter((e) =>
        /commute/.test(e.lifeEventId),
      )) {
        const weekday = localDateTime(e.occurredAt, agent.identity.timezone).weekday;
        expect(rhythm.work.days).toContain(weekday);
      }
    }
  });

  it("follows the hemisphere's season", () => {
    const ids = (agent: typeof aiko) =>
      simulatePlans(agent, "2025-10-01T00:00:00Z", 28).map(
        (e) => parseLifeEventId(e.lifeEventId)!.templateId,
      );
    expect(ids(aiko)).not.toContain("autumn-leaves");
    expect(ids(marcus)).not.toContain("spring-blossom");
    expect([...ids(aiko), ...ids({ ...aiko, agentId: "aiko-2" })]).toContain("spring-blossom");
  });

  it("plans nothing while the agent sleeps", () => {
    // 03:00 in New York: the barista sleeps from 21:30 to 05:00.
    for (
      let t = Date.parse("2025-10-21T07:00:00Z");
      t < Date.parse("2025-10-21T09:00:00Z");
      t += QUARTER_HOUR
    )
      expect(
        planLifeEvent({
          agent: marcus,
          now: new Date(t),
          activeScenarios: [],
          recentLifeEvents: [],
          chance: 1,
        }),
      ).toBeNull();
  });

  it("tells about an active scenario instead of an ordinary hour", () => {
    const scenario = {
      scenarioId: "s-gig",
      title: "Playing a gig at a jazz bar",
      description: "A set at a small bar.",
    };
    const plans = Array.from({ length: 24 }, (_, h) =>
      planLifeEvent({
        agent: marcus,
        now: new Date(Date.parse("2025-10-25T14:00:00Z") + h * 3_600_000),
        activeScenarios: [scenario],
        recentLifeEvents: [],
      }),
    ).filter((p) => p !== null);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).toMatchObject({ kind: "event", title: scenario.title });
  });

  const nightOwl = [template("night-owl", "event", clock(0, 5), ["Up late", "Still up, reading."], null)];

  it("finds the slot taken when the tick repeats, and in the repeated hour when clocks go back", () => {
    // Berlin, 26 Oct 2025: 00:45Z and 01:45Z are both 02:45 on the wall.
    const first = new Date("2025-10-26T00:45:00Z");
    const again = new Date("2025-10-26T01:45:00Z");
    expect(localDateTime(again.toISOString(), "Europe/Berlin").time).toBe(
      localDateTime(first.toISOString(), "Europe/Berlin").time,
    );
    const input = { agent: lena, activeScenarios: [], chance: 1, templates: nightOwl };
    const plan = planLifeEvent({ ...input, now: first, recentLifeEvents: [] });
    expect(plan).not.toBeNull();
    const recent = [{ ...plan!, occurredAt: first.toISOString() }];
    expect(planLifeEvent({ ...input, now: first, recentLifeEvents: recent })).toBeNull();
    expect(planLifeEvent({ ...input, now: again, recentLifeEvents: recent })).toBeNull();
  });

  it("skips the hour that does not exist when clocks go forward", () => {
    // Berlin, 30 Mar 2025: 01:00Z is 03:00 local; 02:xx never shows on the wall.
    const times = Array.from(
      { length: 8 },
      (_, q) =>
        localDateTime(
          new Date(Date.parse("2025-03-30T00:00:00Z") + q * QUARTER_HOUR).toISOString(),
          "Europe/Berlin",
        ).time,
    );
    expect(times).toEqual(["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30", "03:45"]);
    const plan = planLifeEvent({
      agent: lena,
      now: new Date("2025-03-30T01:45:00Z"),
      activeScenarios: [],
      recentLifeEvents: [],
      chance: 1,
      templates: nightOwl,
    });
    expect(plan?.local.time).toBe("03:45");
    expect(plan?.lifeEventId).toContain("~2025-03-30T03~night-owl");
  });
});
