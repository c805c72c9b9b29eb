import cityTimezones from "city-timezones";

/**
 * A world gazetteer: about 7,300 cities with their country, IANA time zone, coordinates and
 * population, from the `city-timezones` package (MIT). Names are matched without accents or case;
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

/** Country names as people write them, where the data's name is a formal one. */
const COUNTRY_NAMES: Record<string, string> = {
  "United States of America": "United States",
  "Congo (Kinshasa)": "DR Congo",
  "Congo (Brazzaville)": "Congo",
};

/** Other names for cities, and parts of a city people name as home. */
const ALIASES: Record<string, string> = {
  "new york city": "new york",
  nyc: "new york",
  brooklyn: "new york",
  manhattan: "new york",
  queens: "new york",
  "the bronx": "new york",
  la: "los angeles",
  "san fran": "san francisco",
  bangalore: "bengaluru",
  bombay: "mumbai",
  calcutta: "kolkata",
  madras: "chennai",
  saigon: "ho chi minh city",
  peking: "beijing",
  marrakech: "marrakesh",
  koln: "cologne",
  munchen: "munich",
  wien: "vienna",
  praha: "prague",
  lisboa: "lisbon",
  roma: "rome",
  milano: "milan",
  firenze: "florence",
  napoli: "naples",
  venezia: "venice",
  kiev: "kyiv",
  bali: "denpasar",
  rio: "rio de janeiro",
  nola: "new orleans",
  philly: "philadelphia",
  vegas: "las vegas",
  cdmx: "mexico city",
  "saint petersburg": "st. petersburg",
  "st petersburg": "st. petersburg",
  hawaii: "honolulu",
  sicily: "palermo",
  tuscany: "florence",
  provence: "marseille",
  "silicon valley": "san jose",
  "washington dc": "washington, d.c.",
  "washington d.c.": "washington, d.c.",
  dc: "washington, d.c.",
  "mexico df": "mexico city",
  "ciudad de mexico": "mexico city",
};

export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9.,\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
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
  const rows = (cityTimezones as unknown as { cityMapping: Row[] }).cityMapping;
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
        if (match) return match.place;
      }
      return found[0]!.place;
    },
    largestCityOf: (country) => countries.get(foldName(country)) ?? null,
    isCountry: (name) => countries.has(foldName(name)),
    all: () => places,
  };
}

function countryFormalName(place: Place): string {
  return Object.entries(COUNTRY_NAMES).find(([, short]) => short === place.country)?.[0] ?? place.country;
}

const COUNTRY_ALIASES: Record<string, string> = {
  usa: "United States",
  us: "United States",
  "the us": "United States",
  "the usa": "United States",
  america: "United States",
  "the states": "United States",
  uk: "United Kingdom",
  "the uk": "United Kingdom",
  britain: "United Kingdom",
  "great britain": "United Kingdom",
  england: "United Kingdom",
  scotland: "United Kingdom",
  holland: "Netherlands",
  "the netherlands": "Netherlands",
  korea: "South Korea",
};

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
