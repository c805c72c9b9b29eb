import cityTimezones from "city-timezones";
import { EXTRA_CITIES } from "./gazetteerExtras.ts";
import { ALIASES, COUNTRY_ALIASES, COUNTRY_NAMES } from "./gazetteerNames.ts";

/**
 * A world gazetteer: about 7,300 cities with their country, IANA time zone, coordinates and
 * population, from the `city-timezones` package (MIT), and a few towns it lacks. Names are matched without accents or case;
 * a name shared by several cities resolves to the one in the hinted country or province, else the
 * most populous.
 */
export interface Place {
  city: string;
  country: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  province: string;
  timezone: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface Row {
  city: string;
  city_ascii: string;
  lat: number;
  lng: number;
  pop: number;
  country: string;
  iso2: string;
  province: string;
  timezone: string;
  state_ansi?: string;
}

const FOLDED_LETTERS: Record<string, string> = {
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

export function foldName(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[’']/g, "")
      // Letters that carry no combining mark to strip: "Łódź" is "lodz", "Tromsø" "tromso".
      .replace(/[łøæœßđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
      .replace(/[^a-z0-9.,\- ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function toPlace(row: Row): Place {
  return {
    city: row.city,
    country: COUNTRY_NAMES[row.country] ?? row.country,
    countryCode: row.iso2,
    province: row.province,
    timezone: row.timezone,
    latitude: row.lat,
    longitude: row.lng,
    population: row.pop,
  };
}

export interface Gazetteer {
  /** The city of that name, or null; `hint` (country, province or US state) chooses among namesakes. */
  find(name: string, hint?: string): Place | null;
  /** The most populous city of a country named as people write it ("Portugal", "the US"). */
  largestCityOf(country: string): Place | null;
  /** Whether the text names a country (not a city). */
  isCountry(name: string): boolean;
  /** Every city, for tests and nearest-neighbour searches. */
  all(): readonly Place[];
}

function build(): Gazetteer {
  // A few research stations have no time zone; a home city needs one.
  const rows = [
    ...(cityTimezones as unknown as { cityMapping: Row[] }).cityMapping.filter((row) => row.timezone),
    ...EXTRA_CITIES,
  ];
  const places = rows.map(toPlace);
  const byName = new Map<string, { place: Place; row: Row }[]>();
  const add = (key: string, entry: { place: Place; row: Row }) => {
    const list = byName.get(key) ?? [];
    if (!list.includes(entry)) list.push(entry);
    byName.set(key, list);
  };
  rows.forEach((row, i) => {
    const entry = { place: places[i]!, row };
    add(foldName(row.city), entry);
    add(foldName(row.city_ascii), entry);
  });
  for (const list of byName.values()) list.sort((a, b) => b.place.population - a.place.population);
  const countries = new Map<string, Place>();
  for (const place of [...places].sort((a, b) => b.population - a.population)) {
    for (const name of [place.country, countryFormalName(place)]) {
      const key = foldName(name);
      if (!countries.has(key)) countries.set(key, place);
    }
  }
  for (const [alias, country] of Object.entries(COUNTRY_ALIASES)) {
    const place = countries.get(foldName(country));
    if (place) countries.set(alias, place);
  }
  const lookup = (name: string) => {
    const key = foldName(name);
    return byName.get(ALIASES[key] ?? key) ?? [];
  };
  return {
    find(name, hint) {
      const found = lookup(name);
      if (found.length === 0) return null;
      if (hint) {
        const h = foldName(hint);
        const match = found.find(
          ({ row }) =>
            foldName(row.country) === h ||
            foldName(COUNTRY_NAMES[row.country] ?? "") === h ||
            foldName(row.province) === h ||
            (row.state_ansi !== undefined && foldName(row.state_ansi) === h) ||
            row.iso2.toLowerCase() === h,
        );
        if (match) return spelledAs(match.place, name);
      }
      return spelledAs(found[0]!.place, name);
    },
    largestCityOf: (country) => countries.get(foldName(country)) ?? null,
    isCountry: (name) => countries.has(foldName(name)),
    all: () => places,
  };
}

/**
 * "São Paulo" or "Łódź" asked of a row spelt "Sao Paulo" or "Lódz": the city keeps the letters it
 * was named with, when they are the same name written with more care (capitalised, with accents).
 */
function spelledAs(place: Place, name: string): Place {
  const asked = name.trim().replace(/\s+/g, " ").normalize("NFC");
  const careful = /^\p{Lu}/u.test(asked) && /\p{Ll}/u.test(asked) && /[^\p{ASCII}]/u.test(asked);
  return careful && asked !== place.city && foldName(asked) === foldName(place.city)
    ? { ...place, city: asked }
    : place;
}

function countryFormalName(place: Place): string {
  return Object.entries(COUNTRY_NAMES).find(([, short]) => short === place.country)?.[0] ?? place.country;
}

let shared: Gazetteer | null = null;

/** The gazetteer, built once on first use (the data is read-only). */
export function gazetteer(): Gazetteer {
  shared ??= build();
  return shared;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { latitude: number; longitude: number }, b: typeof a): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
