import { describe, expect, it } from "vitest";
import { climateOf, seasonOf, weatherFlavour } from "../../../src/application/prompt/weather.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";
import type { WeatherPlace } from "../../../src/ports/weather.ts";

const berlin: WeatherPlace = { city: "Berlin", country: "Germany", timezone: "Europe/Berlin" };

const flavour = (iso: string, place: WeatherPlace = berlin) => {
  const now = new Date(iso);
  const local = localDateTime(now, place.timezone);
  return weatherFlavour({ place, now, month: local.month, partOfDay: local.partOfDay });
};

describe("weather flavour", () => {
  it("is the same for the same city and instant, and varies across days", () => {
    expect(flavour("2025-07-14T13:00:00Z")).toEqual(flavour("2025-07-14T13:00:00Z"));
    const days = Array.from({ length: 20 }, (_, i) =>
      flavour(`2025-07-${String(i + 1).padStart(2, "0")}T13:00:00Z`),
    );
    expect(new Set(days.map((day) => day.condition)).size).toBeGreaterThan(1);
    expect(new Set(days.map((day) => day.temperatureC)).size).toBeGreaterThan(1);
  });

  it("knows the hemisphere from the latitude, the timezone or the country", () => {
    expect(climateOf("Europe/Berlin", "Germany")).toBe("northern");
    expect(climateOf("Australia/Sydney", "Australia")).toBe("southern");
    expect(climateOf("America/Argentina/Buenos_Aires", "")).toBe("southern");
    expect(climateOf("Etc/UTC", "New Zealand")).toBe("southern");
    expect(climateOf("Asia/Singapore", "Singapore", 1.35)).toBe("tropical");
    expect(climateOf("Etc/UTC", "", -33.9)).toBe("southern");
  });

  it("puts July in summer up north and in winter down south; the tropics have wet and dry seasons", () => {
    expect(flavour("2025-07-14T13:00:00Z").season).toBe("summer");
    const sydney = { city: "Sydney", country: "Australia", timezone: "Australia/Sydney" };
    expect(flavour("2025-07-14T03:00:00Z", sydney).season).toBe("winter");
    expect(seasonOf(1, "southern")).toBe("summer");
    expect(seasonOf(4, "northern")).toBe("spring");
    expect(seasonOf(10, "southern")).toBe("spring");
    expect(seasonOf(12, "northern")).toBe("winter");
    const bangkok = { city: "Bangkok", country: "Thailand", timezone: "Asia/Bangkok" };
    expect(flavour("2025-08-10T06:00:00Z", bangkok).season).toBe("wet season");
    expect(flavour("2025-01-10T06:00:00Z", bangkok).season).toBe("dry season");
  });

  it("is colder before dawn than in the afternoon of the same day", () => {
    for (let day = 1; day <= 28; day++) {
      const date = `2025-01-${String(day).padStart(2, "0")}`;
      const afternoon = flavour(`${date}T14:00:00Z`);
      const dawn = flavour(`${date}T05:00:00Z`);
      expect(dawn.temperatureC).toBeLessThanOrEqual(afternoon.temperatureC);
      expect(afternoon.temperatureC).toBeGreaterThanOrEqual(-2);
      expect(afternoon.temperatureC).toBeLessThanOrEqual(3);
    }
  });

  it("reads as a phrase that names the weather, the city and the season", () => {
    const lisbon = { city: "Lisbon", country: "Portugal", timezone: "Europe/Lisbon" };
    const text = flavour("2025-10-14T14:00:00Z", lisbon).phrase;
    expect(text).toMatch(/^(mild|warm|hot) and \w+( \w+)?, around \d+°C — an autumn afternoon in Lisbon$/);
  });

  it("uses a report from the Weather port when there is one", () => {
    const now = new Date("2025-07-14T13:00:00Z");
    const result = weatherFlavour({
      place: berlin,
      now,
      month: 7,
      partOfDay: "afternoon",
      report: {
        at: now.toISOString(),
        temperatureC: 31,
        highC: 33,
        lowC: 20,
        condition: "thunderstorm",
        isDay: true,
        source: "open-meteo",
      },
    });
    expect(result).toMatchObject({ condition: "hot and stormy", temperatureC: 31 });
  });
});
