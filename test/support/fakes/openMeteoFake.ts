import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * `GET /v1/forecast` as Open-Meteo serves it: `current` and `daily` variables chosen by query,
 * answers in its JSON shape, and a 400 with `{ error, reason }` for a bad coordinate. Tests set
 * the weather per place, make it fail, or hold requests to exercise the adapter's timeout.
 */
export interface FakeForecast {
  temperature: number;
  weatherCode: number;
  isDay: boolean;
  high: number;
  low: number;
}

export interface OpenMeteoFake {
  url: string;
  /** Every forecast request's query, in order. */
  requests: URLSearchParams[];
  setForecast(forecast: FakeForecast): void;
  /** The next requests answer with this status. */
  failWith(status: number | null): void;
  /** Requests wait until `release()` (or the client gives up). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startOpenMeteoFake(): Promise<OpenMeteoFake> {
  const requests: URLSearchParams[] = [];
  let forecast: FakeForecast = { temperature: 21.4, weatherCode: 0, isDay: true, high: 24.2, low: 15.8 };
  let failure: number | null = null;
  let held: (() => void)[] | null = null;

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fake");
    if (request.method !== "GET" || url.pathname !== "/v1/forecast") {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: true, reason: "Not Found" }));
      return;
    }
    requests.push(url.searchParams);
    const latitude = Number(url.searchParams.get("latitude"));
    const longitude = Number(url.searchParams.get("longitude"));
    if (failure !== null) {
      response.writeHead(failure, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: true, reason: "Service unavailable" }));
      return;
    }
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: true, reason: "Latitude must be in range of -90 to 90°." }));
      return;
    }
    const current = (url.searchParams.get("current") ?? "").split(",");
    const daily = (url.searchParams.get("daily") ?? "").split(",");
    const body: Record<string, unknown> = {
      latitude,
      longitude,
      generationtime_ms: 0.1,
      utc_offset_seconds: 0,
      timezone: "GMT",
      timezone_abbreviation: "GMT",
      elevation: 10,
    };
    if (current[0]) {
      const values: Record<string, unknown> = { time: "2025-12-01T12:00", interval: 900 };
      if (current.includes("temperature_2m")) values.temperature_2m = forecast.temperature;
      if (current.includes("weather_code")) values.weather_code = forecast.weatherCode;
      if (current.includes("is_day")) values.is_day = forecast.isDay ? 1 : 0;
      body.current = values;
    }
    if (daily[0]) {
      const values: Record<string, unknown> = { time: ["2025-12-01"] };
      if (daily.includes("temperature_2m_max")) values.temperature_2m_max = [forecast.high];
      if (daily.includes("temperature_2m_min")) values.temperature_2m_min = [forecast.low];
      body.daily = values;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    if (held) held.push(() => answer(request, response));
    else answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setForecast: (next) => {
      forecast = next;
    },
    failWith: (status) => {
      failure = status;
    },
    hold: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
