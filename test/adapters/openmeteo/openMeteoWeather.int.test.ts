import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClimateNormalsWeather } from "../../../src/adapters/local/climateNormalsWeather.ts";
import { conditionOfWmoCode, OpenMeteoWeather } from "../../../src/adapters/openmeteo/openMeteoWeather.ts";
import { type OpenMeteoFake, startOpenMeteoFake } from "../../support/fakes/openMeteoFake.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";

const lisbon = { city: "Lisbon", country: "Portugal", timezone: "Europe/Lisbon" };
const now = new Date("2025-12-01T12:00:00Z");

describe("Open-Meteo weather", () => {
  let fake: OpenMeteoFake;
  const weather = (timeoutMs = 5_000) =>
    new OpenMeteoWeather({
      baseUrl: fake.url,
      timeoutMs,
      clock: new SimulatedClock(now),
      fallback: new ClimateNormalsWeather(),
    });

  beforeAll(async () => {
    fake = await startOpenMeteoFake();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.failWith(null);
    fake.release();
    fake.setForecast({ temperature: 13.6, weatherCode: 61, isDay: true, high: 15.2, low: 9.1 });
  });

  it("reports the current weather at the city's coordinates from the gazetteer", async () => {
    const report = await weather().weatherAt(lisbon, now);
    expect(report).toEqual({
      at: now.toISOString(),
      temperatureC: 14,
      highC: 15,
      lowC: 9,
      condition: "rain",
      isDay: true,
      source: "open-meteo",
    });
    const query = fake.requests[0]!;
    expect(Number(query.get("latitude"))).toBeCloseTo(38.72, 1);
    expect(Number(query.get("longitude"))).toBeCloseTo(-9.14, 1);
    expect(query.get("current")).toBe("temperature_2m,weather_code,is_day");
  });

  it("asks once per place while the answer is fresh", async () => {
    const adapter = weather();
    await adapter.weatherAt(lisbon, now);
    await Promise.all([adapter.weatherAt(lisbon, now), adapter.weatherAt(lisbon, now)]);
    expect(fake.requests).toHaveLength(1);
    await adapter.weatherAt({ city: "Porto", timezone: "Europe/Lisbon" }, now);
    expect(fake.requests).toHaveLength(2);
  });

  it("falls back to the climate normals when the service fails", async () => {
    fake.failWith(503);
    const report = await weather().weatherAt(lisbon, now);
    expect(report.source).toBe("climate-normals");
    expect(report.temperatureC).toBeGreaterThanOrEqual(9);
    expect(report.temperatureC).toBeLessThanOrEqual(15);
  });

  it("falls back to the climate normals when the service does not answer in time", async () => {
    fake.hold();
    const report = await weather(50).weatherAt(lisbon, now);
    expect(report.source).toBe("climate-normals");
    expect(fake.requests).toHaveLength(0);
    fake.release();
  });

  it("uses the normals for another instant and for a place it cannot locate", async () => {
    const adapter = weather();
    expect((await adapter.weatherAt(lisbon, new Date("2025-06-01T12:00:00Z"))).source).toBe(
      "climate-normals",
    );
    const nowhere = { city: "Atlantis", timezone: "Etc/UTC" };
    expect((await adapter.weatherAt(nowhere, now)).source).toBe("climate-estimate");
    expect(fake.requests).toHaveLength(0);
  });

  it("maps WMO weather codes to conditions", () => {
    expect([0, 2, 3, 45, 53, 63, 67, 75, 81, 86, 95].map(conditionOfWmoCode)).toEqual([
      "clear",
      "partly cloudy",
      "overcast",
      "fog",
      "drizzle",
      "rain",
      "sleet",
      "snow",
      "showers",
      "snow",
      "thunderstorm",
    ]);
  });
});
