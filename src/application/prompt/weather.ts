import type { PartOfDay, ReplyContext } from "./replyContext.ts";

export type WeatherFlavour = ReplyContext["weather"];

type Climate = "northern" | "southern" | "tropical";
type Season = "winter" | "spring" | "summer" | "autumn" | "wet season" | "dry season";

interface Condition {
  day: string;
  night: string;
}

const conditions: Record<Season, { range: [number, number]; options: Condition[] }> = {
  winter: {
    range: [-3, 9],
    options: [
      { day: "crisp and clear", night: "cold and clear" },
      { day: "grey and overcast", night: "cold and cloudy" },
      { day: "drizzly", night: "damp and drizzly" },
      { day: "frosty and bright", night: "frosty" },
      { day: "snowing lightly", night: "snowing lightly" },
    ],
  },
  spring: {
    range: [7, 19],
    options: [
      { day: "mild and sunny", night: "mild and clear" },
      { day: "showery", night: "rainy" },
      { day: "breezy with blue skies", night: "breezy" },
      { day: "soft and cloudy", night: "cool and cloudy" },
    ],
  },
  summer: {
    range: [19, 33],
    options: [
      { day: "hot and sunny", night: "warm and still" },
      { day: "humid", night: "sticky and warm" },
      { day: "bright with a light breeze", night: "balmy" },
      { day: "thundery", night: "stormy" },
    ],
  },
  autumn: {
    range: [6, 17],
    options: [
      { day: "cool and windy", night: "chilly and windy" },
      { day: "misty", night: "foggy" },
      { day: "golden and sunny", night: "cool and clear" },
      { day: "rainy", night: "rainy" },
    ],
  },
  "wet season": {
    range: [25, 32],
    options: [
      { day: "sticky with afternoon downpours", night: "warm and rainy" },
      { day: "thundery and humid", night: "stormy" },
      { day: "cloudy and muggy", night: "muggy" },
    ],
  },
  "dry season": {
    range: [27, 35],
    options: [
      { day: "hot and sunny", night: "warm and clear" },
      { day: "hazy and hot", night: "warm and hazy" },
      { day: "bright with a sea breeze", night: "balmy" },
    ],
  },
};

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
const tropicalZones = [
  "Asia/Singapore",
  "Asia/Jakarta",
  "Asia/Kuala_Lumpur",
  "Asia/Manila",
  "Asia/Bangkok",
  "Asia/Ho_Chi_Minh",
  "Asia/Colombo",
  "Africa/Lagos",
  "Africa/Accra",
  "Africa/Nairobi",
  "Africa/Kampala",
  "America/Bogota",
  "America/Caracas",
  "America/Panama",
  "America/Guayaquil",
  "Pacific/Honolulu",
];

export function climateOf(timeZone: string, country: string): Climate {
  if (tropicalZones.includes(timeZone)) return "tropical";
  if (southernZones.some((zone) => timeZone.startsWith(zone))) return "southern";
  if (southernCountries.has(country.trim().toLowerCase())) return "southern";
  return "northern";
}

export function seasonOf(month: number, climate: Climate): Season {
  if (climate === "tropical") return month >= 5 && month <= 10 ? "wet season" : "dry season";
  const northern: Season[] = ["winter", "spring", "summer", "autumn"];
  const quarter = Math.floor((month % 12) / 3);
  const index = climate === "southern" ? (quarter + 2) % 4 : quarter;
  return northern[index]!;
}

/** FNV-1a: a small stable hash so the same city and day always get the same weather. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A touch of weather for the agent's city: no network, the same all day for a city. */
export function weatherFlavour(input: {
  city: string;
  country: string;
  timeZone: string;
  date: string;
  month: number;
  partOfDay: PartOfDay;
}): WeatherFlavour {
  const season = seasonOf(input.month, climateOf(input.timeZone, input.country));
  const table = conditions[season];
  const hash = stableHash(`${input.city.toLowerCase()}|${input.date}`);
  const condition = table.options[hash % table.options.length]!;
  const [low, high] = table.range;
  const night = ["night", "late night", "early morning"].includes(input.partOfDay);
  const daytime = low + ((hash >>> 8) % (high - low + 1));
  const temperatureC = night ? daytime - 4 : daytime;
  const text = night ? condition.night : condition.day;
  return {
    season,
    condition: text,
    temperatureC,
    phrase: `${text}, around ${temperatureC}°C — ${articleFor(season)} ${season} ${input.partOfDay} in ${input.city}`,
  };
}

function articleFor(season: Season): string {
  return season === "autumn" ? "an" : "a";
}
