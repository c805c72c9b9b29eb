import { localDateTime } from "../../domain/shared/time.ts";
import type { WeatherCondition, WeatherPlace, WeatherReport } from "../../ports/weather.ts";
import { type MonthClimate, monthClimate } from "./climateModel.ts";

/**
 * The weather at a place and instant from its climate: no network, deterministic. Each day gets
 * a warm or cool spell that drifts over a few days (a warm day has a milder night, a cool day a
 * lower high), rain on about as many days as the normals say, and temperatures that follow the
 * day from the low near dawn to the high mid-afternoon, always within the month's mean low and
 * high. Snow only falls in months that have snow, at 1 °C or colder.
 */
export function climateWeatherAt(place: WeatherPlace, at: Date): WeatherReport {
  const local = localDateTime(at, place.timezone);
  const climate = monthClimate(place, local.month);
  const key = place.city.trim().toLowerCase();
  const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
  const spell = driftingSpell(key, day);
  const wet = unit(`${key}|${local.date}|wet`) < climate.wetChance;
  const { high, low } = dayRange(climate, spell, wet);
  const hour = local.hour + local.minute / 60;
  const temperature = Math.round(low + (high - low) * warmth(hour));
  const isDay = hour >= 7 && hour < 19;
  return {
    at: at.toISOString(),
    temperatureC: temperature,
    highC: Math.round(high),
    lowC: Math.round(low),
    condition: conditionOf({ key, date: local.date, hour, climate, wet, temperature }),
    isDay,
    source: climate.basis === "normals" ? "climate-normals" : "climate-estimate",
  };
}

function dayRange(climate: MonthClimate, spell: number, wet: boolean): { high: number; low: number } {
  const spread = Math.min(4, (climate.high - climate.low) * 0.35);
  let high = climate.high - Math.max(0, -spell) * spread;
  const low = climate.low + Math.max(0, spell) * spread;
  // Clouds and rain keep the afternoon cooler.
  if (wet) high -= Math.min(2, (climate.high - climate.low) * 0.25);
  high = Math.max(high, Math.min(climate.high, low + 1));
  return { high, low };
}

/** 0 at the day's low (about 06:00), 1 at its high (about 15:00), easing in between. */
export function warmth(hour: number): number {
  const h = ((hour % 24) + 24) % 24;
  if (h >= 6 && h <= 15) return (1 - Math.cos((Math.PI * (h - 6)) / 9)) / 2;
  const sinceHigh = h > 15 ? h - 15 : h + 9;
  return (1 + Math.cos((Math.PI * sinceHigh) / 15)) / 2;
}

function conditionOf(input: {
  key: string;
  date: string;
  hour: number;
  climate: MonthClimate;
  wet: boolean;
  temperature: number;
}): WeatherCondition {
  const { key, date, hour, climate, wet, temperature } = input;
  const roll = unit(`${key}|${date}|kind`);
  if (wet) {
    if (climate.snowShare > 0 && unit(`${key}|${date}|snow`) < climate.snowShare) {
      if (temperature <= 1) return "snow";
      if (temperature <= 3) return "sleet";
    }
    if (climate.high >= 24) return roll < 0.35 ? "thunderstorm" : "showers";
    return roll < 0.3 ? "drizzle" : roll < 0.8 ? "rain" : "showers";
  }
  const misty = hour >= 5 && hour < 10 && temperature <= 15 && climate.wetChance >= 0.25;
  if (misty && roll < 0.12) return "fog";
  // Wetter months are cloudier on their dry days too.
  const cloudy = unit(`${key}|${date}|cloud`) * (1.3 - climate.wetChance);
  return cloudy < 0.25 ? "overcast" : cloudy < 0.6 ? "partly cloudy" : "clear";
}

/** A value in [−1, 1] that drifts smoothly from one knot to the next, a knot every three days. */
function driftingSpell(key: string, day: number): number {
  const knot = Math.floor(day / 3);
  const t = (day - knot * 3) / 3;
  const eased = t * t * (3 - 2 * t);
  const a = unit(`${key}|spell|${knot}`) * 2 - 1;
  const b = unit(`${key}|spell|${knot + 1}`) * 2 - 1;
  return a + (b - a) * eased;
}

/** FNV-1a of the text mapped to [0, 1): the same text always gives the same number. */
export function unit(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32;
}
