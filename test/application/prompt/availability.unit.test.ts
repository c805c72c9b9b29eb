import { describe, expect, it } from "vitest";
import {
  computeAvailability,
  isScenarioActive,
  isWithinSleep,
  type Scenario,
} from "../../../src/application/prompt/availability.ts";

const berlin = (iso: string, extra: Partial<Parameters<typeof computeAvailability>[0]> = {}) =>
  computeAvailability({
    now: new Date(iso),
    timeZone: "Europe/Berlin",
    scenarios: [],
    affinity: 0,
    ...extra,
  });

describe("availability", () => {
  it("is asleep between 23:30 and 07:00 local time by default", () => {
    expect(berlin("2025-06-10T21:29:00Z").status).toBe("free"); // 23:29
    expect(berlin("2025-06-10T21:30:00Z").status).toBe("asleep"); // 23:30
    expect(berlin("2025-06-11T04:59:00Z").status).toBe("asleep"); // 06:59
    expect(berlin("2025-06-11T05:00:00Z").status).toBe("free"); // 07:00
  });

  it("follows the agent's own sleep schedule, overnight or by day", () => {
    const nightOwl = { bedtime: "02:00", wakeTime: "10:00" };
    expect(berlin("2025-06-10T22:30:00Z", { sleepSchedule: nightOwl }).status).toBe("free"); // 00:30
    expect(berlin("2025-06-11T06:00:00Z", { sleepSchedule: nightOwl }).status).toBe("asleep"); // 08:00
    const nightShift = { bedtime: "09:00", wakeTime: "17:00" };
    expect(isWithinSleep(12 * 60, nightShift)).toBe(true);
    expect(isWithinSleep(20 * 60, nightShift)).toBe(false);
    expect(isWithinSleep(3 * 60, { bedtime: "07:00", wakeTime: "07:00" })).toBe(false);
  });

  it("keeps a free agent's replies at normal length", () => {
    expect(berlin("2025-06-10T12:00:00Z")).toEqual({
      status: "free",
      reason: "free to talk",
      replyMode: "normal",
      maxSentences: 4,
    });
  });

  it("is busy during a timed scenario, even at night, and asks for short replies", () => {
    const shift: Scenario = {
      title: "Night shift at the bakery",
      description: "kneading dough",
      startsAt: "2025-06-10T20:00:00Z",
      endsAt: "2025-06-11T04:00:00Z",
    };
    const verdict = berlin("2025-06-11T01:00:00Z", { scenarios: [shift] });
    expect(verdict).toMatchObject({ status: "busy", replyMode: "brief", maxSentences: 2 });
    expect(verdict.reason).toContain("Night shift at the bakery");
    expect(berlin("2025-06-11T04:00:00Z", { scenarios: [shift] }).status).toBe("asleep");
  });

  it("treats scenarios without a time window as background, not as busy", () => {
    const background: Scenario = { title: "Training for a marathon", description: "runs most mornings" };
    expect(isScenarioActive(background, new Date("2025-06-10T12:00:00Z"))).toBe(false);
    expect(berlin("2025-06-10T12:00:00Z", { scenarios: [background] }).status).toBe("free");
  });

  it("wakes up for someone close with a sleepy line", () => {
    expect(berlin("2025-06-10T23:00:00Z", { affinity: 60 })).toMatchObject({
      status: "asleep",
      replyMode: "sleepy",
      maxSentences: 2,
    });
  });

  it("otherwise defers the reply to the wake-up time, DST included", () => {
    const springNight = berlin("2025-03-29T23:45:00Z", { affinity: 10 }); // 00:45 CET, clocks jump at 02:00
    expect(springNight).toMatchObject({ status: "asleep", replyMode: "deferred" });
    expect(springNight.deferUntil).toBe("2025-03-30T05:00:00.000Z"); // 07:00 CEST
    const autumnNight = berlin("2025-10-25T23:00:00Z"); // 01:00 CEST, clocks go back at 03:00
    expect(autumnNight.deferUntil).toBe("2025-10-26T06:00:00.000Z"); // 07:00 CET
    const newYork = computeAvailability({
      now: new Date("2025-03-09T05:00:00Z"), // 00:00 EST
      timeZone: "America/New_York",
      scenarios: [],
      affinity: 0,
    });
    expect(newYork.deferUntil).toBe("2025-03-09T11:00:00.000Z"); // 07:00 EDT
  });
});
