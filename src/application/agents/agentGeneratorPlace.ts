import { gazetteer, type Place } from "../places/gazetteer.ts";

/** The home city: a city after "in", "from", "based in"…, else any capitalised city name, else a named country's largest city. */
export function placeIn(text: string): Place | null {
  const places = gazetteer();
  const candidates: { phrase: string; hint?: string; weight: number }[] = [];
  const tokens = text.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const after = /^(?:in|from|near|of|to|around|outside)$/i.test(tokens[i - 1] ?? "");
    for (let n = 4; n >= 1; n--) {
      const words = tokens.slice(i, i + n);
      if (words.length < n) continue;
      const raw = words.join(" ");
      const phrase = raw.replace(/[,.;:!?)]+$/, "");
      if (n > 1 && /[,.;:!?]/.test(words.slice(0, -1).join(" "))) continue;
      const capital = /^\p{Lu}/u.test(phrase);
      if (!capital && !after) continue;
      const hint = /,$/.test(raw) ? tokens[i + n]?.replace(/[,.;:!?]+$/, "") : undefined;
      candidates.push({ phrase, hint, weight: (after ? 2 : 0) + (capital ? 1 : 0) + n * 0.1 });
    }
  }
  candidates.sort((a, b) => b.weight - a.weight);
  for (const { phrase, hint, weight } of candidates) {
    if (COMMON_WORDS.test(phrase) && weight < 2) continue;
    if (places.isCountry(phrase)) continue;
    const place = places.find(phrase, hint);
    if (place && (weight >= 2 || place.population >= 100_000)) return place;
  }
  for (const { phrase } of candidates) if (places.isCountry(phrase)) return places.largestCityOf(phrase);
  return null;
}

const NOT_PLACES =
  /^(?:The|A|An|My|His|Her|Their|Love|Winter|Spring|Summer|Autumn|Fall|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|English|French|Spanish|German|Italian|Japanese)$/;

export function unknownPlaceIn(text: string): string | null {
  if (placeIn(text)) return null;
  const match =
    /\b(?:in|from|near|based in|lives in|living in)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2})/u.exec(
      text,
    );
  if (!match || NOT_PLACES.test(match[1]!.split(" ")[0]!)) return null;
  return match[1]!;
}

/** Words that are also the names of small towns somewhere. */
const COMMON_WORDS =
  /^(?:a|an|the|i|she|he|they|nice|mobile|reading|bath|hope|orange|florence|chester|victoria|aurora|eugene|grace|june|may|august|marion|young|loves|who|is|of|and|just|jazz|music|love|sun|rain|sunny|gay|normal|ruth|ana|mia|leo|sam|kai)$/i;
