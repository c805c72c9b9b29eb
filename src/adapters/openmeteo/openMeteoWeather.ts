import { LRUCache } from "lru-cache";
import { coordinatesOf } from "../../application/weather/climateModel.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Weather, WeatherCondition, WeatherPlace, WeatherReport } from "../../ports/weather.ts";

export interface OpenMeteoWeatherOptions {
  /** Default https://api.open-meteo.com (no key needed). */
  baseUrl?: string;
  /** A request that takes longer falls back to the normals. Default 2 s. */
  timeoutMs?: number;
  /** How long an answer is reused for the same place. Default 20 minutes. */
  cacheTtlMs?: number;
  /** Answers for instants this far from now come from the normals (a forecast only covers now). */
  currentWindowMs?: number;
  clock: Clock;
  fallback: Weather;
}

const FAILURE_TTL_MS = 60_000;

interface ForecastResponse {
  current?: { temperature_2m?: unknown; weather_code?: unknown; is_day?: unknown };
  daily?: { temperature_2m_max?: unknown[]; temperature_2m_min?: unknown[] };
}

/**
 * The current weather from Open-Meteo's forecast API, cached per place. Anything that goes wrong
 * (no coordinates, a timeout, an error status, an answer without the fields) gives the fallback's
 * report instead, so a reply never waits long for the weather or fails because of it.
 */
export class OpenMeteoWeather implements Weather {
  readonly name = "open-meteo";
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #fallback: Weather;
  readonly #cache: LRUCache<string, Promise<Omit<WeatherReport, "at"> | null>>;

  constructor(options: OpenMeteoWeatherOptions) {
    this.#baseUrl = (options.baseUrl ?? "https://api.open-meteo.com").replace(/\/+$/, "");
    this.#timeoutMs = options.timeoutMs ?? 2_000;
    this.#windowMs = options.currentWindowMs ?? 3 * 3_600_000;
    this.#clock = options.clock;
    this.#fallback = options.fallback;
    this.#cache = new LRUCache({ max: 1_000, ttl: options.cacheTtlMs ?? 20 * 60_000 });
  }

  async weatherAt(place: WeatherPlace, at: Date, signal?: AbortSignal): Promise<WeatherReport> {
    const where = coordinatesOf(place);
    const now = this.#clock.now().getTime();
    if (!where || Math.abs(at.getTime() - now) > this.#windowMs)
      return this.#fallback.weatherAt(place, at, signal);
    const key = `${where.latitude.toFixed(2)},${where.longitude.toFixed(2)}`;
    let pending = this.#cache.get(key);
    if (!pending) {
      pending = this.#fetch(where.latitude, where.longitude);
      this.#cache.set(key, pending);
    }
    const report = await pending;
    if (!report) {
      // A service that is down is asked again a minute later, not on every reply.
      this.#cache.set(key, pending, { ttl: FAILURE_TTL_MS });
      return this.#fallback.weatherAt(place, at, signal);
    }
    return { ...report, at: at.toISOString() };
  }

  async #fetch(latitude: number, longitude: number): Promise<Omit<WeatherReport, "at"> | null> {
    const url = new URL(`${this.#baseUrl}/v1/forecast`);
    url.searchParams.set("latitude", latitude.toFixed(4));
    url.searchParams.set("longitude", longitude.toFixed(4));
    url.searchParams.set("current", "temperature_2m,weather_code,is_day");
    url.searchParams.set("daily", "temperature_2m_max,temperature_2m_min");
    url.searchParams.set("timezone", "auto");
    url.searchParams.set("forecast_days", "1");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.#timeoutMs) });
      if (!response.ok) return null;
      const body = (await response.json()) as ForecastResponse;
      const temperature = body.current?.temperature_2m;
      const code = body.current?.weather_code;
      const high = body.daily?.temperature_2m_max?.[0];
      const low = body.daily?.temperature_2m_min?.[0];
      if (typeof temperature !== "number" || typeof code !== "number") return null;
      return {
        temperatureC: Math.round(temperature),
        highC: Math.round(typeof high === "number" ? high : temperature),
        lowC: Math.round(typeof low === "number" ? low : temperature),
        condition: conditionOfWmoCode(code),
        isDay: body.current?.is_day !== 0,
        source: "open-meteo",
      };
    } catch {
      return null;
    }
  }
}

/** WMO weather interpretation codes, as Open-Meteo reports them. */
export function conditionOfWmoCode(code: number): WeatherCondition {
  if (code === 0) return "clear";
  if (code === 1 || code === 2) return "partly cloudy";
  if (code === 3) return "overcast";
  if (code === 45 || code === 48) return "fog";
  if (code >= 51 && code <= 55) return "drizzle";
  if (code === 56 || code === 57 || code === 66 || code === 67) return "sleet";
  if (code >= 61 && code <= 65) return "rain";
  if ((code >= 71 && code <= 77) || code === 85 || code === 86) return "snow";
  if (code >= 80 && code <= 82) return "showers";
  if (code >= 95) return "thunderstorm";
  return "overcast";
}
