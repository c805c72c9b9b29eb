import { foldName, gazetteer } from "../places/gazetteer.ts";
import type { AgentDraft } from "./agentGenerator.ts";
import type { PromptFacts } from "./agentGeneratorFacts.ts";
import { OPPOSITE_TRAITS } from "./agentGeneratorWords.ts";
import { identityAt } from "./templateAgentGenerator.ts";

/**
 * Where a drafted agent contradicts what its description says: another name, city, time zone,
 * occupation or age, a missing or opposite trait, or a summary that places the agent elsewhere.
 */
export function draftProblems(draft: AgentDraft, facts: PromptFacts): string[] {
  const problems: string[] = [];
  const { identity, persona } = draft;
  if (facts.name && foldName(draft.name).split(" ")[0] !== foldName(facts.name).split(" ")[0])
    problems.push(`name "${draft.name}" is not "${facts.name}"`);
  const place = facts.place;
  if (
    place &&
    foldName(identity.homeCity) !== foldName(place.city) &&
    gazetteer().find(identity.homeCity)?.city !== place.city
  )
    problems.push(`home city "${identity.homeCity}" is not ${place.city}`);
  const expectedZone = place?.timezone ?? gazetteer().find(identity.homeCity, identity.country)?.timezone;
  if (expectedZone && !sameZone(identity.timezone, expectedZone))
    problems.push(`time zone ${identity.timezone} is not ${expectedZone}`);
  if (facts.occupation && !occupationAgrees(identity.occupation, facts.occupation))
    problems.push(`occupation "${identity.occupation}" is not "${facts.occupation}"`);
  const traits = persona.traits.map((t) => t.toLowerCase());
  for (const trait of facts.traits) {
    if (!traits.includes(trait)) problems.push(`trait "${trait}" is missing`);
    for (const other of traits)
      if (opposite(trait, other)) problems.push(`trait "${other}" contradicts "${trait}"`);
  }
  const interests = persona.interests.map((i) => i.toLowerCase());
  for (const interest of facts.interests)
    if (!interests.some((i) => i.includes(interest) || interest.includes(i)))
      problems.push(`interest "${interest}" is missing`);
  for (const [field, text] of [
    ["summary", persona.summary],
    ["backstory", persona.backstory],
  ] as const) {
    const city = otherCityIn(text, identity.homeCity, place?.city);
    if (city) problems.push(`${field} places the agent in ${city}`);
    const age = ageIn(text);
    if (facts.age && age !== null && age !== facts.age)
      problems.push(`${field} gives the age ${age}, not ${facts.age}`);
    if (facts.name && !foldName(text).includes(foldName(facts.name).split(" ")[0]!) && field === "summary")
      problems.push(`summary does not name ${facts.name}`);
  }
  const origin = facts.origin;
  if (origin) {
    const told = `${persona.summary} ${persona.backstory}`.toLowerCase();
    const country = origin.country.replace(/^the /, "").toLowerCase();
    if (!told.includes(origin.demonym.toLowerCase()) && !told.includes(country))
      problems.push(`backstory does not say the agent is ${origin.demonym}`);
  }
  return problems;
}

/** The draft with every contradiction mended from the facts, or from the template draft where a text is wrong. */
export function repairDraft(draft: AgentDraft, facts: PromptFacts, template: AgentDraft): AgentDraft {
  if (draftProblems(draft, facts).length === 0) return draft;
  const name = facts.name ?? draft.name;
  const occupation =
    facts.occupation && !occupationAgrees(draft.identity.occupation, facts.occupation)
      ? facts.occupation
      : draft.identity.occupation;
  const place = facts.place ?? gazetteer().find(draft.identity.homeCity, draft.identity.country);
  const identity = place ? identityAt(place, occupation) : { ...draft.identity, occupation };
  const keptTraits = draft.persona.traits.filter(
    (t) => !facts.traits.some((f) => opposite(f, t.toLowerCase())),
  );
  const traits = unique([...facts.traits, ...keptTraits]).slice(0, 12);
  const interests = unique([...facts.interests, ...draft.persona.interests]).slice(0, 20);
  const repaired: AgentDraft = {
    name,
    identity,
    persona: { ...draft.persona, traits, interests },
  };
  const remaining = draftProblems(repaired, facts);
  const textWrong = (field: string) => remaining.some((p) => p.startsWith(field));
  return {
    ...repaired,
    persona: {
      ...repaired.persona,
      summary: textWrong("summary") ? template.persona.summary : repaired.persona.summary,
      backstory: textWrong("backstory") ? template.persona.backstory : repaired.persona.backstory,
    },
  };
}

function occupationAgrees(drafted: string, described: string): boolean {
  const have = foldName(drafted);
  const words = foldName(described).split(" ");
  const head = words.at(-1)!;
  const stem = head.replace(/(?:ist|er|or|ian|ant|ent)$/, "");
  if (!have.includes(head) && !(stem.length >= 4 && have.includes(stem))) return false;
  return !words.includes("retired") || /\bretired\b/.test(have);
}

function opposite(a: string, b: string): boolean {
  return OPPOSITE_TRAITS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  const offset = (zone: string) =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(new Date("2025-01-15T12:00:00Z"))
      .find((p) => p.type === "timeZoneName")?.value;
  try {
    return offset(a) === offset(b);
  } catch {
    return false;
  }
}

/** A capitalised place name in the text that is a sizeable city and not the agent's own. */
function otherCityIn(text: string, homeCity: string, promptCity?: string): string | null {
  const own = new Set([foldName(homeCity), promptCity ? foldName(promptCity) : ""]);
  for (const match of text.matchAll(
    /\b(?:in|from|to|near|of)\s+((?:\p{Lu}[\p{L}'.-]*)(?:\s+\p{Lu}[\p{L}'.-]*){0,3})/gu,
  )) {
    const words = match[1]!.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const phrase = words.slice(0, n).join(" ").replace(/[.,]$/, "");
      const place = gazetteer().find(phrase);
      if (!place || place.population < 200_000) continue;
      if (own.has(foldName(place.city)) || own.has(foldName(phrase))) break;
      if (
        gazetteer().find(homeCity)?.country === place.country &&
        foldName(place.country) === foldName(phrase)
      )
        break;
      return place.city;
    }
  }
  return null;
}

function ageIn(text: string): number | null {
  const match =
    /\b(\d{1,3})[- ]?years?[- ]old\b/i.exec(text) ??
    /^[\p{L}' -]+,\s*(\d{1,3}),/u.exec(text) ??
    /\bis (\d{1,3})\b/.exec(text);
  return match ? Number(match[1]) : null;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
