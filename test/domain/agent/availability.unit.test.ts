import { describe, expect, it } from "vitest";
import { availabilityAt } from "../../../src/domain/agent/availability.ts";
import type { Scenario } from "../../../src/domain/agent/scenarios.ts";

/** An office worker in Berlin: asleep 23:30–07:00, at work 09:00–17:30 on weekdays. */
const berlin = (
  iso: string,
  extra: { scenarios?: Scenario[]; affinity?: number; occupation?: string; about?: string } = {},
) =>
  availabilityAt({
    identity: { timezone: "Europe/Berlin", occupation: extra.occupation ?? "accountant" },
    ...(extra.about ? { about: extra.about } : {}),
    scenarios: extra.scenarios ?? [],
    affinity: extra.affinity ?? 0,
    now: new Date(iso),
  });

const shift: Scenario = {
  scenarioId: "s1",
  title: "Night shift at the bakery",
  description: "kneading dough",
  window: { kind: "once", startsAt: "2025-06-10T20:00:00Z", endsAt: "2025-06-11T04:00:00Z" },
  status: "active",
};

describe("availability", () => {
  it("sleeps by the daily rhythm of the occupation, in the agent's own time zone", () => {
    expect(berlin("2025-06-10T21:29:00Z").status).toBe("free"); // Tuesday 23:29
    expect(berlin("2025-06-10T21:30:00Z").status).toBe("asleep"); // 23:30
    expect(berlin("2025-06-11T04:59:00Z").status).toBe("asleep"); // 06:59
    expect(berlin("2025-06-11T05:00:00Z").status).toBe("free"); // 07:00
    const nurse = (iso: string) => berlin(iso, { occupation: "nurse" }).status;
    expect(nurse("2025-06-11T10:00:00Z")).toBe("asleep"); // 12:00, after a night shift
    expect(nurse("2025-06-10T21:30:00Z")).toBe("busy"); // 23:30, on the ward
  });

  it("is busy at work on a working day, and free at the weekend", () => {
    expect(berlin("2025-06-10T10:00:00Z")).toEqual({
      status: "busy",
      reason: "at work (the office)",
      replyMode: "brief",
      maxSentences: 2,
    });
    expect(berlin("2025-06-14T10:00:00Z")).toEqual({
      status: "free",
      reason: "free to talk",
      replyMode: "normal",
      maxSentences: 4,
    });
  });

  it("is busy while a scenario runs, even at night, and asks for short replies", () => {
    const verdict = berlin("2025-06-11T01:00:00Z", { scenarios: [shift] });
    expect(verdict).toMatchObject({ status: "busy", replyMode: "brief", maxSentences: 2 });
    expect(verdict.reason).toContain("Night shift at the bakery");
    expect(berlin("2025-06-11T04:00:00Z", { scenarios: [shift] }).status).toBe("asleep");
    expect(berlin("2025-06-11T01:00:00Z", { scenarios: [{ ...shift, status: "retired" }] }).status).toBe(
      "asleep",
    );
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
    const newYork = availabilityAt({
      identity: { timezone: "America/New_York", occupation: "accountant" },
      scenarios: [],
      affinity: 0,
      now: new Date("2025-03-09T05:00:00Z"), // 00:00 EST
    });
    expect(newYork.deferUntil).toBe("2025-03-09T11:00:00.000Z"); // 07:00 EDT
  });

  it("sleeps around the hours the occupation works: early starts to bed early, night work by day", () => {
    // Wednesday 11 June 2025 in Berlin (UTC+2).
    const at = (occupation: string, iso: string) => berlin(iso, { occupation }).status;
    // A morning-show host is on air at 07:30 and long asleep at 22:30.
    expect(at("host of the morning show on local radio", "2025-06-11T05:30:00Z")).toBe("busy");
    expect(at("host of the morning show on local radio", "2025-06-10T20:30:00Z")).toBe("asleep");
    // Hours by the clock win over the trade: a clerk from 4am to noon sleeps by 20:30.
    expect(at("post office sorting clerk, 4am to 12pm", "2025-06-11T02:30:00Z")).toBe("busy");
    expect(at("post office sorting clerk, 4am to 12pm", "2025-06-10T19:00:00Z")).toBe("asleep");
    // Boats go out before dawn, and a radio voice is up at eight.
    expect(at("fisherwoman", "2025-06-11T03:30:00Z")).toBe("busy");
    expect(at("radio DJ", "2025-06-11T06:10:00Z")).not.toBe("asleep");
    // The hours its own description gives count when the occupation names none.
    const host = { occupation: "radio DJ", about: "A cheerful voice who hosts the breakfast show." };
    expect(berlin("2025-06-11T05:30:00Z", host).status).toBe("busy");
    expect(berlin("2025-06-10T19:30:00Z", host).status).toBe("asleep");
    // A security guard on nights is at work at 03:00 and asleep at noon.
    expect(at("security guard, works nights", "2025-06-11T01:00:00Z")).toBe("busy");
    expect(at("security guard, works nights", "2025-06-11T10:00:00Z")).toBe("asleep");
  });
});
