import { describe, expect, it } from "vitest";
import { climateOf, seasonOf, weatherFlavour } from "../../../src/application/prompt/weather.ts";

const flavour = (over: Partial<Parameters<typeof weatherFlavour>[0]> = {}) =>
  weatherFlavour({
    city: "Berlin",
    country: "Germany",
    timeZone: "Europe/Berlin",
    date: "2025-07-14",
    month: 7,
    partOfDay: "afternoon",
    ...over,
  });

describe("weather flavour", () => {
  it("is the same for the same city and day, and varies across days", () => {
    expect(flavour()).toEqual(flavour());
    const days = Array.from({ length: 20 }, (_, i) =>
      flavour({ date: `2025-07-${String(i + 1).padStart(2, "0")}` }),
    );
    expect(new Set(days.map((day) => day.condition)).size).toBeGreaterThan(1);
  });

  it("knows the hemisphere from the timezone or the country", () => {
    expect(climateOf("Europe/Berlin", "Germany")).toBe("northern");
    expect(climateOf("Australia/Sydney", "Australia")).toBe("southern");
    expect(climateOf("America/Argentina/Buenos_Aires", "")).toBe("southern");
    expect(climateOf("Etc/UTC", "New Zealand")).toBe("southern");
    expect(climateOf("Asia/Singapore", "Singapore")).toBe("tropical");
  });

  it("puts July in summer up north and in winter down south", () => {
    expect(flavour().season).toBe("summer");
    expect(flavour({ city: "Sydney", country: "Australia", timeZone: "Australia/Sydney" }).season).toBe(
      "winter",
    );
    expect(seasonOf(1, "southern")).toBe("summer");
    expect(seasonOf(4, "northern")).toBe("spring");
    expect(seasonOf(10, "southern")).toBe("spring");
    expect(seasonOf(12, "northern")).toBe("winter");
    expect(seasonOf(8, "tropical")).toBe("wet season");
    expect(seasonOf(1, "tropical")).toBe("dry season");
  });

  it("keeps temperatures plausible for the season, a little colder at night", () => {
    for (let day = 1; day <= 28; day++) {
      const date = `2025-01-${String(day).padStart(2, "0")}`;
      const winterDay = flavour({ date, month: 1 });
      expect(winterDay.temperatureC).toBeGreaterThanOrEqual(-3);
      expect(winterDay.temperatureC).toBeLessThanOrEqual(9);
      expect(flavour({ date, month: 1, partOfDay: "late night" }).temperatureC).toBe(
        winterDay.temperatureC - 4,
      );
    }
  });

  it("reads as a phrase that names the city and the season", () => {
    const text = flavour({
      city: "Lisbon",
      country: "Portugal",
      timeZone: "Europe/Lisbon",
      month: 10,
    }).phrase;
    expect(text).toMatch(/°C — an autumn afternoon in Lisbon$/);
  });
});
