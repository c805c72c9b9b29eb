/**
 * Monthly climate normals of cities, January to December: mean daily high and low (°C), days
 * with at least 1 mm of precipitation, and days with snowfall. Values are rounded from the
 * 1991–2020 (or the latest published) normals of each country's weather service, as tabulated in
 * the Wikipedia "Climate of <city>" tables (CC BY-SA 4.0). Snow days are only given where snow
 * really falls in that month.
 */
export interface CityNormals {
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  high: readonly number[];
  low: readonly number[];
  wetDays: readonly number[];
  snowDays: readonly number[];
}

/** One row as written in the tables: twelve space-separated numbers per field; "0" for a dry-of-snow year. */
export function normals(
  city: string,
  country: string,
  latitude: number,
  longitude: number,
  high: string,
  low: string,
  wetDays: string,
  snowDays = "0",
): CityNormals {
  const months = (text: string) => {
    const values = text.trim().split(/\s+/).map(Number);
    return values.length === 1 ? Array.from({ length: 12 }, () => values[0]!) : values;
  };
  return {
    city,
    country,
    latitude,
    longitude,
    high: months(high),
    low: months(low),
    wetDays: months(wetDays),
    snowDays: months(snowDays),
  };
}
