/**
 * The weather at a city at an instant: what the agent sees out of the window. The offline default
 * derives it from climate normals; a real adapter asks a weather service and falls back to them.
 */
export interface WeatherPlace {
  city: string;
  country?: string;
  timezone: string;
  latitude?: number;
  longitude?: number;
}

export type WeatherCondition =
  | "clear"
  | "partly cloudy"
  | "overcast"
  | "fog"
  | "drizzle"
  | "rain"
  | "showers"
  | "thunderstorm"
  | "sleet"
  | "snow";

export interface WeatherReport {
  /** The instant described (ISO). */
  at: string;
  /** Air temperature at that instant, whole °C. */
  temperatureC: number;
  /** The day's expected high and low, whole °C. */
  highC: number;
  lowC: number;
  condition: WeatherCondition;
  /** Whether the sun is up (roughly 07:00–19:00 local when the source does not say). */
  isDay: boolean;
  /** Where the report came from: a weather service, the city's normals, or a zonal estimate. */
  source: "open-meteo" | "climate-normals" | "climate-estimate";
}

export interface Weather {
  readonly name: string;
  weatherAt(place: WeatherPlace, at: Date, signal?: AbortSignal): Promise<WeatherReport>;
}
