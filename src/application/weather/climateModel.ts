import { distanceKm, gazetteer } from "../places/gazetteer.ts";
import { type CityNormals, CLIMATE_NORMALS } from "./climateNormalsTable.ts";

/**
 * The climate of a place for one month: the table's normals when the city is in it, a tabled
 * neighbour's when one is close and on a similar latitude, else an estimate from the latitude.
 */
export interface MonthClimate {
  /** Mean daily high and low, °C. */
  high: number;
  low: number;
  /** Chance that a day has precipitation. */
  wetChance: number;
  /** Share of wet days that fall as snow when it is cold enough; 0 where it does not snow. */
  snowShare: number;
  /** Where the figures come from. */
  basis: "normals" | "estimate";
  /** The tropical wet season, for places near the equator. */
  tropical: boolean;
}

export interface ClimatePlace {
  city: string;
  country?: string;
  latitude?: number;
  longitude?: number;
}

const NEIGHBOUR_KM = 350;
const NEIGHBOUR_LATITUDE = 3;

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}

const byCity = new Map(CLIMATE_NORMALS.map((row) => [fold(row.city), row]));

/** The place's coordinates: given, or from the gazetteer. */
export function coordinatesOf(place: ClimatePlace): { latitude: number; longitude: number } | null {
  if (place.latitude !== undefined && place.longitude !== undefined)
    return { latitude: place.latitude, longitude: place.longitude };
  const found = gazetteer().find(place.city, place.country);
  if (found) return { latitude: found.latitude, longitude: found.longitude };
  return null;
}

const found = new Map<string, CityNormals | null>();

/** The normals that describe the place: its own, a close neighbour's, or none. */
export function normalsFor(place: ClimatePlace): CityNormals | null {
  const key = `${place.city}|${place.country ?? ""}|${place.latitude ?? ""}|${place.longitude ?? ""}`;
  const known = found.get(key);
  if (known !== undefined) return known;
  const normals = lookUpNormals(place);
  if (found.size >= 2_000) found.clear();
  found.set(key, normals);
  return normals;
}

function lookUpNormals(place: ClimatePlace): CityNormals | null {
  const direct = byCity.get(fold(place.city));
  if (direct) return direct;
  const named = gazetteer().find(place.city, place.country);
  const alias = named ? byCity.get(fold(named.city)) : undefined;
  if (alias) return alias;
  const at = coordinatesOf(place);
  if (!at) return null;
  let best: CityNormals | null = null;
  let bestKm = NEIGHBOUR_KM;
  for (const row of CLIMATE_NORMALS) {
    if (Math.abs(row.latitude - at.latitude) > NEIGHBOUR_LATITUDE) continue;
    const km = distanceKm(at, row);
    if (km < bestKm) {
      best = row;
      bestKm = km;
    }
  }
  return best;
}

function daysIn(month: number): number {
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The climate of `month` (1–12) at the place. */
export function monthClimate(place: ClimatePlace, month: number): MonthClimate {
  const row = normalsFor(place);
  const latitude = row?.latitude ?? coordinatesOf(place)?.latitude ?? 45;
  const tropical = Math.abs(latitude) < 23.5;
  if (row) {
    const i = month - 1;
    const wet = row.wetDays[i]!;
    return {
      high: row.high[i]!,
      low: row.low[i]!,
      wetChance: Math.min(0.9, wet / daysIn(month)),
      snowShare: wet > 0 ? Math.min(1, row.snowDays[i]! / wet) : 0,
      basis: "normals",
      tropical,
    };
  }
  return estimateClimate(latitude, month);
}

/**
 * A zonal estimate: warm and even near the equator, colder and more seasonal towards the poles,
 * the warmest month a month after the solstice. Rough, but never snow in a warm month.
 */
export function estimateClimate(latitude: number, month: number): MonthClimate {
  const abs = Math.abs(latitude);
  const annualMean = abs <= 15 ? 27 : 27 - 0.55 * (abs - 15);
  const amplitude = abs <= 12 ? 1 : Math.min(18, 0.33 * (abs - 12));
  const warmest = latitude >= 0 ? 7 : 1;
  const mean = annualMean + amplitude * Math.cos((2 * Math.PI * (month - warmest)) / 12);
  const range = abs <= 15 ? 8 : 9;
  const high = Math.round(mean + range / 2);
  const low = Math.round(mean - range / 2);
  const summer = Math.cos((2 * Math.PI * (month - warmest)) / 12) > 0;
  const wetChance = abs < 15 ? (summer ? 0.5 : 0.15) : abs < 30 ? 0.18 : 0.3;
  return {
    high,
    low,
    wetChance,
    snowShare: low <= 0 ? Math.min(1, (1 - low) / 6) : 0,
    basis: "estimate",
    tropical: abs < 23.5,
  };
}
