import { describe, expect, it } from "vitest";
import { gazetteer } from "../../../src/application/places/gazetteer.ts";
import { weatherFlavour } from "../../../src/application/prompt/weather.ts";
import { estimateClimate, monthClimate, normalsFor } from "../../../src/application/weather/climateModel.ts";
import { CLIMATE_NORMALS } from "../../../src/application/weather/climateNormalsTable.ts";
import { climateWeatherAt } from "../../../src/application/weather/climateWeather.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";
import type { WeatherPlace, WeatherReport } from "../../../src/ports/weather.ts";

const RAIN = ["drizzle", "rain", "showers", "thunderstorm"];
const DRY = ["clear", "partly cloudy", "overcast", "fog"];

/** Every hour of every day of a month, in the place's own time. */
function month(place: WeatherPlace, year: number, monthNumber: number, step = 3_600_000): WeatherReport[] {
  const reports: WeatherReport[] = [];
  const start = Date.UTC(year, monthNumber - 1, 1) - 14 * 3_600_000;
  for (let t = start; t < start + 33 * 86_400_000; t += step) {
    const at = new Date(t);
    if (localDateTime(at, place.timezone).month === monthNumber) reports.push(climateWeatherAt(place, at));
  }
  return reports;
}

function placeOf(city: string): WeatherPlace {
  const found = gazetteer().find(city);
  if (!found) throw new Error(`${city} is not in the gazetteer`);
  return { city, country: found.country, timezone: found.timezone };
}

describe("climate normals table", () => {
  it("has twelve plausible months for every city", () => {
    expect(CLIMATE_NORMALS.length).toBeGreaterThanOrEqual(80);
    for (const row of CLIMATE_NORMALS) {
      for (const field of [row.high, row.low, row.wetDays, row.snowDays]) expect(field).toHaveLength(12);
      row.high.forEach((high, i) => {
        const low = row.low[i]!;
        expect(high - low, `${row.city} month ${i + 1}`).toBeGreaterThanOrEqual(2);
        expect(high - low, `${row.city} month ${i + 1}`).toBeLessThanOrEqual(20);
        expect(low).toBeGreaterThanOrEqual(-30);
        expect(high).toBeLessThanOrEqual(46);
        expect(row.wetDays[i]).toBeLessThanOrEqual(25);
        // Snow only where the month's nights are near freezing.
        if (row.snowDays[i]! > 0) expect(low, `${row.city} snow in month ${i + 1}`).toBeLessThanOrEqual(5);
      });
      // The warmest months fall in the hemisphere's summer.
      const warmest = row.high.indexOf(Math.max(...row.high)) + 1;
      const summer =
        row.latitude >= 23.5 ? [5, 6, 7, 8, 9] : row.latitude <= -23.5 ? [11, 12, 1, 2, 3] : null;
      if (summer) expect(summer, row.city).toContain(warmest);
    }
  });

  it("finds every tabled city in the gazetteer, near the same coordinates", () => {
    for (const row of CLIMATE_NORMALS) {
      const found = gazetteer().find(row.city, row.country);
      expect(found, row.city).not.toBeNull();
      expect(Math.abs(found!.latitude - row.latitude), row.city).toBeLessThan(1);
    }
  });
});

describe("weather from climate normals", () => {
  it("keeps every tabled city and month within its normals, with snow only at 1 °C or colder", () => {
    for (const row of CLIMATE_NORMALS) {
      const place = placeOf(row.city);
      for (let m = 1; m <= 12; m++) {
        const reports = month(place, 2025, m, 11 * 3_600_000 + 17 * 60_000);
        for (const report of reports) {
          expect(report.temperatureC, `${row.city} ${report.at}`).toBeGreaterThanOrEqual(row.low[m - 1]!);
          expect(report.temperatureC, `${row.city} ${report.at}`).toBeLessThanOrEqual(row.high[m - 1]!);
          if (report.condition === "snow" || report.condition === "sleet") {
            expect(report.temperatureC).toBeLessThanOrEqual(5);
            expect(row.snowDays[m - 1]).toBeGreaterThan(0);
          }
        }
      }
    }
  }, 60_000);

  it("gives Lisbon a December of 9–15 °C, rainy or clear, never snow", () => {
    const reports = month(placeOf("Lisbon"), 2025, 12);
    expect(Math.min(...reports.map((r) => r.temperatureC))).toBeGreaterThanOrEqual(9);
    expect(Math.max(...reports.map((r) => r.temperatureC))).toBeLessThanOrEqual(15);
    expect(reports.some((r) => RAIN.includes(r.condition))).toBe(true);
    expect(reports.some((r) => DRY.includes(r.condition))).toBe(true);
    expect(reports.every((r) => r.condition !== "snow" && r.condition !== "sleet")).toBe(true);
  });

  it("keeps Los Angeles and New Orleans mild in December", () => {
    for (const [city, low, high] of [
      ["Los Angeles", 9, 20],
      ["New Orleans", 8, 18],
    ] as const) {
      const reports = month(placeOf(city), 2025, 12);
      expect(Math.min(...reports.map((r) => r.temperatureC)), city).toBeGreaterThanOrEqual(low);
      expect(Math.max(...reports.map((r) => r.temperatureC)), city).toBeLessThanOrEqual(high);
      expect(
        reports.every((r) => r.condition !== "snow"),
        city,
      ).toBe(true);
    }
  });

  it("rains on about as many days as the normals say", () => {
    const place = placeOf("London");
    let wet = 0;
    let days = 0;
    for (let m = 1; m <= 12; m++) {
      const noon = month(place, 2025, m).filter((r) => r.at.endsWith("12:00:00.000Z"));
      days += noon.length;
      wet += noon.filter((r) => RAIN.includes(r.condition)).length;
    }
    expect(wet / days).toBeGreaterThan(0.18);
    expect(wet / days).toBeLessThan(0.4);
  });

  it("snows in a Helsinki January and never in its July", () => {
    const helsinki = placeOf("Helsinki");
    expect(month(helsinki, 2025, 1).some((r) => r.condition === "snow")).toBe(true);
    expect(month(helsinki, 2025, 7).some((r) => r.condition === "snow")).toBe(false);
  });

  it("changes from day to day without jumping", () => {
    const place = placeOf("Berlin");
    const highs = Array.from(
      { length: 60 },
      (_, d) => climateWeatherAt(place, new Date(Date.UTC(2025, 3, 1 + d, 13))).temperatureC,
    );
    expect(new Set(highs).size).toBeGreaterThan(4);
  });

  it("uses a tabled neighbour for a nearby city and a latitude estimate elsewhere", () => {
    expect(normalsFor({ city: "Setubal", country: "Portugal" })?.city).toBe("Lisbon");
    expect(normalsFor({ city: "Ushuaia", country: "Argentina" })).toBeNull();
    const ushuaiaJuly = monthClimate({ city: "Ushuaia", country: "Argentina" }, 7);
    expect(ushuaiaJuly.basis).toBe("estimate");
    expect(ushuaiaJuly.high).toBeLessThan(monthClimate({ city: "Ushuaia", country: "Argentina" }, 1).high);
    const report = climateWeatherAt(
      { city: "Ushuaia", country: "Argentina", timezone: "America/Argentina/Ushuaia" },
      new Date("2025-07-10T18:00:00Z"),
    );
    expect(report.source).toBe("climate-estimate");
    expect(estimateClimate(0, 1).low).toBeGreaterThan(18);
    for (let m = 1; m <= 12; m++) {
      const tropical = estimateClimate(5, m);
      expect(tropical.snowShare).toBe(0);
    }
  });

  it("estimates the weather of a city it has no normals for from the gazetteer's latitude", () => {
    const place = { city: "Yakutsk", country: "Russia", timezone: "Asia/Yakutsk" };
    const january = month(place, 2025, 1);
    expect(Math.max(...january.map((r) => r.temperatureC))).toBeLessThan(0);
    const flavour = weatherFlavour({
      place,
      now: new Date("2025-01-10T03:00:00Z"),
      month: 1,
      partOfDay: "afternoon",
    });
    expect(flavour.condition).toMatch(/^(freezing|cold) and /);
  });
});
