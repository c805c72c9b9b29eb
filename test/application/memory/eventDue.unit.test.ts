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
