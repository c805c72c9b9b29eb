import { describe, expect, it } from "vitest";
import { minutesOfDay, nextLocalClockTime } from "../../../src/domain/shared/clockTimes.ts";
import { isValidTimezone, localDateTime, partOfDayAt } from "../../../src/domain/shared/time.ts";

const at = (iso: string, zone: string) => localDateTime(new Date(iso), zone);

describe("localDateTime", () => {
  it("jumps from 01:59 to 03:00 when Berlin springs forward (30 March 2025)", () => {
    expect(at("2025-03-30T00:59:00Z", "Europe/Berlin")).toMatchObject({ label: "Sunday 01:59", hour: 1 });
    expect(at("2025-03-30T01:00:00Z", "Europe/Berlin")).toMatchObject({ label: "Sunday 03:00", hour: 3 });
  });

  it("shows 02:30 twice when Berlin falls back (26 October 2025)", () => {
    expect(at("2025-10-26T00:30:00Z", "Europe/Berlin").label).toBe("Sunday 02:30");
    expect(at("2025-10-26T01:30:00Z", "Europe/Berlin").label).toBe("Sunday 02:30");
    expect(at("2025-10-26T02:30:00Z", "Europe/Berlin").label).toBe("Sunday 03:30");
  });

  it("follows New York across both of its 2025 transitions", () => {
    expect(at("2025-03-09T06:59:00Z", "America/New_York").label).toBe("Sunday 01:59");
    expect(at("2025-03-09T07:00:00Z", "America/New_York").label).toBe("Sunday 03:00");
    expect(at("2025-11-02T05:30:00Z", "America/New_York").label).toBe("Sunday 01:30");
    expect(at("2025-11-02T06:30:00Z", "America/New_York").label).toBe("Sunday 01:30");
    expect(at("2025-11-02T07:30:00Z", "America/New_York").label).toBe("Sunday 02:30");
  });

  it("gives the local date and weekday, which may differ from UTC's", () => {
    const tokyo = at("2025-06-01T20:00:00Z", "Asia/Tokyo");
    expect(tokyo).toMatchObject({
      date: "2025-06-02",
      weekdayName: "Monday",
      weekday: "mon",
      hour: 5,
      minuteOfDay: 300,
    });
    expect(at("2025-06-01T02:00:00Z", "America/Los_Angeles")).toMatchObject({
      date: "2025-05-31",
      weekdayName: "Saturday",
      label: "Saturday 19:00",
    });
  });

  it("shows midnight as 00, not 24", () => {
    expect(at("2025-01-01T23:00:00Z", "Europe/Berlin")).toMatchObject({ hour: 0, label: "Thursday 00:00" });
  });

  it("names the part of the day", () => {
    expect([0, 4, 5, 7, 8, 11, 12, 16, 17, 20, 21, 23].map(partOfDayAt)).toEqual([
      "late night",
      "late night",
      "early morning",
      "early morning",
      "morning",
      "morning",
      "afternoon",
      "afternoon",
      "evening",
      "evening",
      "night",
      "night",
    ]);
  });

  it("knows real zones and rejects made-up ones", () => {
    expect(isValidTimezone("Europe/Lisbon")).toBe(true);
    expect(isValidTimezone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("nextLocalClockTime", () => {
  it("finds 07:00 on the morning Berlin loses an hour", () => {
    const next = nextLocalClockTime(new Date("2025-03-29T23:00:00Z"), "Europe/Berlin", 7 * 60);
    expect(next.toISOString()).toBe("2025-03-30T05:00:00.000Z");
  });

  it("finds 07:00 on the morning Berlin gains an hour", () => {
    const next = nextLocalClockTime(new Date("2025-10-25T22:00:00Z"), "Europe/Berlin", 7 * 60);
    expect(next.toISOString()).toBe("2025-10-26T06:00:00.000Z");
  });

  it("finds 07:00 on the morning New York gains an hour", () => {
    const next = nextLocalClockTime(new Date("2025-11-02T04:00:00Z"), "America/New_York", 7 * 60);
    expect(next.toISOString()).toBe("2025-11-02T12:00:00.000Z");
  });

  it("moves a skipped wall time past the gap", () => {
    const next = nextLocalClockTime(new Date("2025-03-29T23:00:00Z"), "Europe/Berlin", 2 * 60 + 30);
    expect(localDateTime(next, "Europe/Berlin").label).toBe("Sunday 03:30");
  });

  it("answers now when the clock already reads that minute", () => {
    const now = new Date("2025-06-01T05:00:20Z");
    expect(nextLocalClockTime(now, "Europe/Berlin", 7 * 60).toISOString()).toBe("2025-06-01T05:00:00.000Z");
  });
});

describe("minutesOfDay", () => {
  it("reads HH:MM and refuses anything else", () => {
    expect(minutesOfDay("23:30")).toBe(1410);
    expect(minutesOfDay("7:05")).toBe(425);
    expect(() => minutesOfDay("24:00")).toThrow(/not a time of day/);
    expect(() => minutesOfDay("noon")).toThrow(/not a time of day/);
  });
});
