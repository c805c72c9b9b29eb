import { describe, expect, it } from "vitest";
import { eventOverAt } from "../../../src/application/memory/eventDue.ts";

describe("when a told event is over", () => {
  // A Wednesday evening.
  const told = "2026-12-02T19:00:00Z";
  it("counts from the day it was told to the day after the event", () => {
    const cases: [string, string][] = [
      ["Tom is moving house tomorrow", "2026-12-04"],
      ["Tom has an exam on friday", "2026-12-05"],
      ['Tom said: "We\'re flying to new york in two weeks"', "2026-12-17"],
      ["Tom has a job interview next week", "2026-12-10"],
      ["Tom has a dentist appointment next wednesday", "2026-12-10"],
      ["Tom has a hospital appointment wednesday", "2026-12-10"],
      ["Tom is starting a new job in 3 days", "2026-12-06"],
      ["Tom has a gig tonight", "2026-12-03"],
    ];
    for (const [text, over] of cases) expect(eventOverAt(text, told), text).toBe(`${over}T00:00:00.000Z`);
  });

  it("has no end for a fact that names no time", () => {
    expect(eventOverAt("Tom loves hiking", told)).toBeNull();
    expect(eventOverAt("Tom has an exam", "not a time")).toBeNull();
  });
});

describe("when a told event is over, on the clock of a time zone", () => {
  it("counts the days of the zone's calendar, not UTC's", () => {
    // Thursday 07:30 in Sydney, still Wednesday evening in UTC.
    const told = "2026-12-02T20:30:00Z";
    expect(eventOverAt("Tom has an exam tomorrow", told, "Australia/Sydney")).toBe(
      "2026-12-04T13:00:00.000Z",
    );
    expect(eventOverAt("Tom has an exam on friday", told, "Australia/Sydney")).toBe(
      "2026-12-04T13:00:00.000Z",
    );
    // Wednesday 17:00 in Los Angeles, already Thursday in UTC.
    const evening = "2026-12-03T01:00:00Z";
    expect(eventOverAt("Tom has a gig tonight", evening, "America/Los_Angeles")).toBe(
      "2026-12-03T08:00:00.000Z",
    );
    expect(eventOverAt("Tom has an exam on friday", evening, "America/Los_Angeles")).toBe(
      "2026-12-05T08:00:00.000Z",
    );
  });

  it("ends at the zone's midnight across a change to summer time", () => {
    // Friday 27 March 2026 in London; the clocks go forward early on Sunday the 29th.
    expect(eventOverAt("Tom has a party on saturday", "2026-03-27T12:00:00Z", "Europe/London")).toBe(
      "2026-03-29T00:00:00.000Z",
    );
    expect(eventOverAt("Tom has a party on sunday", "2026-03-27T12:00:00Z", "Europe/London")).toBe(
      "2026-03-29T23:00:00.000Z",
    );
  });
});
