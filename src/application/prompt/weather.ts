import { assertNever } from "../../domain/shared/decider.ts";
import type { WeatherCondition, WeatherPlace, WeatherReport } from "../../ports/weather.ts";
import { coordinatesOf, monthClimate } from "../weather/climateModel.ts";
import { climateWeatherAt } from "../weather/climateWeather.ts";
import type { PartOfDay, ReplyContext } from "./replyContext.ts";

export type WeatherFlavour = ReplyContext["weather"];

type Climate = "northern" | "southern" | "tropical";
type Season = "winter" | "spring" | "summer" | "autumn" | "wet season" | "dry season";

const southernZones = [
  "Australia/",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "America/Argentina/",
  "America/Buenos_Aires",
  "America/Santiago",
  "America/Sao_Paulo",
  "America/Montevideo",
  "America/Asuncion",
  "Africa/Johannesburg",
  "Africa/Maputo",
  "Africa/Windhoek",
  "Africa/Harare",
  "Indian/Antananarivo",
];
const southernCountries = new Set(
  ["australia", "new zealand", "argentina", "chile", "south africa", "uruguay", "paraguay", "brazil"].concat([
    "namibia",
    "mozambique",
    "zimbabwe",
    "madagascar",
  ]),
);

/** The climate band of a place: from its latitude when known, else from its time zone or country. */
export function climateOf(timeZone: string, country: string, latitude?: number): Climate {
  if (latitude !== undefined) {
    if (Math.abs(latitude) < 23.5) return "tropical";
    return latitude < 0 ? "southern" : "northern";
  }
  if (southernZones.some((zone) => timeZone.startsWith(zone))) return "southern";
  if (southernCountries.has(country.trim().toLowerCase())) return "southern";
  return "northern";
}

/** Meteorological seasons; near the equator, the wet or the dry season. */
export function seasonOf(month: number, climate: Climate, wetChance?: number): Season {
  if (climate === "tropical")
    return (wetChance ?? (month >= 5 && month <= 10 ? 1 : 0)) >= 0.3 ? "wet season" : "dry season";
  const northern: Season[] = ["winter", "spring", "summer", "autumn"];
  const quarter = Math.floor((month % 12) / 3);
  const index = climate === "southern" ? (quarter + 2) % 4 : quarter;
  return northern[index]!;
}

/**
 * A touch of weather for the agent's city: the given report (from the `Weather` port), or the
 * offline default, the city's climate normals with deterministic day-to-day variation.
 */
export function weatherFlavour(input: {
  place: WeatherPlace;
  now: Date;
  month: number;
  partOfDay: PartOfDay;
  report?: WeatherReport | null;
}): WeatherFlavour {
  const { place } = input;
  const report = input.report ?? climateWeatherAt(place, input.now);
  const latitude = place.latitude ?? coordinatesOf(place)?.latitude;
  const climate = climateOf(place.timezone, place.country ?? "", latitude);
  const season = seasonOf(input.month, climate, monthClimate(place, input.month).wetChance);
  const night = ["night", "late night", "early morning"].includes(input.partOfDay) || !report.isDay;
  const condition = `${feelOf(report.temperatureC)} and ${skyOf(report.condition, night)}`;
  return {
    season,
    condition,
    temperatureC: report.temperatureC,
    phrase: `${condition}, around ${report.temperatureC}°C — ${articleFor(season)} ${season} ${input.partOfDay} in ${place.city}`,
  };
}

function feelOf(temperatureC: number): string {
  if (temperatureC <= -5) return "freezing";
  if (temperatureC <= 4) return "cold";
  if (temperatureC <= 11) return "chilly";
  if (temperatureC <= 17) return "mild";
  if (temperatureC <= 24) return "warm";
  return "hot";
}

function skyOf(condition: WeatherCondition, night: boolean): string {
  switch (condition) {
    case "clear":
      return night ? "clear" : "sunny";
    case "partly cloudy":
      return night ? "partly cloudy" : "partly sunny";
    case "overcast":
      return "overcast";
    case "fog":
      return "foggy";
    case "drizzle":
      return "drizzly";
    case "rain":
      return "rainy";
    case "showers":
      return "showery";
    case "thunderstorm":
      return "stormy";
    case "sleet":
      return "sleety";
    case "snow":
      return "snowy";
    default:
      return assertNever(condition);
  }
}

function articleFor(season: Season): string {
  return season === "autumn" ? "an" : "a";
}
