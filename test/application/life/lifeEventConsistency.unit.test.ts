import { describe, expect, it } from "vitest";
import {
  isConsistentWithLocalTime,
  timeInconsistencies,
} from "../../../src/application/life/lifeEventConsistency.ts";
import { isWorking, rhythmFor, seasonOf } from "../../../src/domain/agent/dailyRhythm.ts";
import { inDailyWindow } from "../../../src/domain/shared/clockTimes.ts";

const at = (time: string, weekday: "mon" | "tue" | "sat" = "tue", date = "2025-10-21") => ({
  date,
  time,
  weekday,
});
const coffee = { title: "Morning coffee by the window", description: "First coffee of the day." };

describe("isConsistentWithLocalTime", () => {
  it("refuses a morning coffee at 23:00 and accepts it at 08:00", () => {
    expect(isConsistentWithLocalTime(coffee, at("23:00"))).toBe(false);
    expect(timeInconsistencies(coffee, at("23:00"))).toEqual(["mentions morning at 23:00"]);
    expect(isConsistentWithLocalTime(coffee, at("08:00"))).toBe(true);
  });

  it("reads meals, commutes and late nights on the wall clock", () => {
    const event = (title: string) => ({ title, description: "" });
    expect(isConsistentWithLocalTime(event("Lunch with a friend"), at("12:30"))).toBe(true);
    expect(isConsistentWithLocalTime(event("Lunch with a friend"), at("19:30"))).toBe(false);
    expect(isConsistentWithLocalTime(event("Cooked dinner"), at("08:00"))).toBe(false);
    expect(isConsistentWithLocalTime(event("Long commute"), at("03:00"))).toBe(false);
    expect(isConsistentWithLocalTime(event("Long commute"), at("18:00"))).toBe(true);
    expect(isConsistentWithLocalTime(event("A midnight snack"), at("00:20"))).toBe(true);
    expect(isConsistentWithLocalTime(event("A midnight snack"), at("10:20"))).toBe(false);
  });

  it("keeps weekends and named days on their days", () => {
    const weekend = { title: "Lazy weekend", description: "" };
    expect(isConsistentWithLocalTime(weekend, at("11:00", "tue"))).toBe(false);
    expect(isConsistentWithLocalTime(weekend, at("11:00", "sat"))).toBe(true);
    expect(isConsistentWithLocalTime({ title: "Monday blues", description: "" }, at("11:00", "mon"))).toBe(
      true,
    );
    expect(isConsistentWithLocalTime({ title: "Monday blues", description: "" }, at("11:00", "tue"))).toBe(
      false,
    );
  });

  it("knows the season of the hemisphere", () => {
    const snow = { title: "First snow", description: "Snow on the rooftops." };
    const july = at("11:00", "tue", "2025-07-15");
    expect(isConsistentWithLocalTime(snow, july, { hemisphere: "north" })).toBe(false);
    expect(isConsistentWithLocalTime(snow, july, { hemisphere: "south" })).toBe(true);
  });

  it("refuses anything while the agent sleeps", () => {
    const nurse = rhythmFor("Nurse (night shifts)");
    const walk = { title: "A walk", description: "Out and about." };
    expect(isConsistentWithLocalTime(walk, at("11:00"), { rhythm: nurse })).toBe(false);
    expect(isConsistentWithLocalTime(walk, at("17:00"), { rhythm: nurse })).toBe(true);
  });
});

describe("daily rhythm", () => {
  it("reads the occupation", () => {
    expect(rhythmFor("ICU nurse").kind).toBe("nightShift");
    expect(rhythmFor("Barista").kind).toBe("earlyShift");
    expect(rhythmFor("Student of architecture").kind).toBe("student");
    expect(rhythmFor("Illustrator").kind).toBe("freelance");
    expect(rhythmFor("Accountant").kind).toBe("office");
  });

  it("counts an overnight shift on the morning after", () => {
    const nurse = rhythmFor("nurse");
    expect(isWorking(nurse, "thu", 22 * 60)).toBe(true);
    expect(isWorking(nurse, "fri", 5 * 60)).toBe(true);
    expect(isWorking(nurse, "fri", 22 * 60)).toBe(false);
    expect(isWorking(nurse, "mon", 5 * 60)).toBe(false);
  });

  it("wraps windows past midnight and flips seasons in the south", () => {
    expect(inDailyWindow(30, 22 * 60, 7 * 60)).toBe(true);
    expect(inDailyWindow(12 * 60, 22 * 60, 7 * 60)).toBe(false);
    expect(seasonOf(10, "north")).toBe("autumn");
    expect(seasonOf(10, "south")).toBe("spring");
    expect(seasonOf(1, "south")).toBe("summer");
  });
});
