import { climateWeatherAt } from "../../application/weather/climateWeather.ts";
import type { Weather, WeatherPlace, WeatherReport } from "../../ports/weather.ts";

/** The offline weather: each city's climate normals with deterministic day-to-day variation. */
export class ClimateNormalsWeather implements Weather {
  readonly name = "climate-normals";

  async weatherAt(place: WeatherPlace, at: Date): Promise<WeatherReport> {
    return climateWeatherAt(place, at);
  }
}
