import type { IdentityInput } from "../../domain/agent/agentInputs.ts";
import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { gazetteer, type Place } from "../places/gazetteer.ts";
import type { AgentDraft, AgentDraftRequest, AgentGenerator } from "./agentGenerator.ts";
import { type PromptFacts, readPromptFacts } from "./agentGeneratorFacts.ts";
import { nameFor } from "./agentGeneratorNames.ts";
import { FILLER_TRAITS, OPPOSITE_TRAITS } from "./agentGeneratorWords.ts";

const DEFAULT_CITIES = [
  "Lisbon",
  "Tokyo",
  "New York",
  "Berlin",
  "Melbourne",
  "Buenos Aires",
  "Paris",
  "Seoul",
];
const DEFAULT_OCCUPATIONS = [
  "bookshop assistant",
  "graphic designer",
  "barista",
  "nurse",
  "software developer",
];
const GRANDPARENT = /\b(?:grandmother|grandfather|grandma|grandpa|granny|grandad|nonna|nonno)\b/i;

/** The age a description gives in words: "an elderly fisherman", "a middle-aged driver", "a young chef". */
function lifeStageIn(prompt: string): "young" | "middle" | "old" | null {
  if (/\bmiddle[- ]aged\b/i.test(prompt)) return "middle";
  const person = "(?:man|woman|lady|gentleman|guy|soul|timer|\\w+(?:er|or|ist|man|woman))";
  if (
    /\b(?:elderly|senior citizen|pensioner|aging|ageing|in (?:his|her|their) old age)\b/i.test(prompt) ||
    new RegExp(`\\b(?:an? |the )(?:\\w+ )?(?:old|older) ${person}\\b`, "i").test(prompt)
  )
    return "old";
  // "a young chef", "a young woman": in a description of someone, "young" is about them.
  if (/\b(?:an? |the )(?:\w+ )?young \w+/i.test(prompt)) return "young";
  return null;
}
const FILLER_INTERESTS = ["long walks", "street food", "old films", "podcasts", "board games"];

const STYLES: readonly (readonly [string, string])[] = [
  ["grumpy", "Gruff and short, with dry asides; warms up slowly"],
  ["shy", "Soft-spoken and brief; takes a while to open up"],
  ["quiet", "Few words, chosen carefully"],
  ["cheerful", "Bright and chatty, quick to laugh"],
  ["sarcastic", "Dry and teasing, with deadpan one-liners"],
  ["witty", "Playful and quick with a joke"],
  ["calm", "Unhurried and gentle"],
  ["blunt", "Direct and plain-spoken"],
  ["melancholic", "Wistful and reflective"],
  ["energetic", "Fast, excited, lots of exclamation marks"],
];

/** Reproducible from the prompt alone, and built from what the prompt says: the same prompt gives the same agent. */
export const templateAgentGenerator: AgentGenerator = {
  name: "template",
  async generate(request: AgentDraftRequest): Promise<AgentDraft> {
    return draftFromFacts(request, readPromptFacts(request.prompt));
  },
};

export function draftFromFacts(request: AgentDraftRequest, facts: PromptFacts): AgentDraft {
  const seed = hash(request.prompt.trim());
  if (!request.identity && !facts.place && facts.unknownPlace)
    throw new DomainError(
      "UnknownCity",
      "BAD_USER_INPUT",
      `"${facts.unknownPlace}" is not a city we know. Name a city nearby, or give the agent's identity (home city and time zone) yourself.`,
    );
  const place = facts.place ?? gazetteer().find(DEFAULT_CITIES[seed % DEFAULT_CITIES.length]!)!;
  const occupation = facts.occupation ?? DEFAULT_OCCUPATIONS[(seed >>> 3) % DEFAULT_OCCUPATIONS.length]!;
  const identity: IdentityInput = request.identity ?? identityAt(place, occupation);
  const name =
    request.name?.trim() ||
    facts.name ||
    nameFor(facts.origin?.countryCode ?? facts.place?.countryCode ?? null, facts.gender, seed);
  const first = name.split(/\s+/)[0]!;
  const traits = withFillers(facts.traits, seed);
  const fromHome =
    facts.origin && !sameCountry(facts.origin.country, request.identity?.country ?? facts.place?.country)
      ? [`${facts.origin.demonym} food`]
      : [];
  const interests = unique([...facts.interests, ...fromHome, ...rotate(FILLER_INTERESTS, seed)]).slice(
    0,
    Math.max(3, facts.interests.length + fromHome.length),
  );
  const kind = rhythmFor(identity.occupation).kind;
  const stage = lifeStageIn(request.prompt);
  const age =
    facts.age ??
    (kind === "retired" || stage === "old"
      ? 66 + (seed % 14)
      : stage === "middle"
        ? 42 + (seed % 14)
        : GRANDPARENT.test(request.prompt)
          ? 58 + (seed % 20)
          : kind === "student" || stage === "young"
            ? 19 + (seed % 8)
            : 25 + (seed % 18));
  const city = identity.homeCity;
  const job = identity.occupation;
  const formerJob = job.replace(/\bretired\s*/i, "").trim();
  const loves = interests.length > 1 ? `${interests[0]} and ${interests[1]}` : interests[0]!;
  const style = STYLES.find(([trait]) => traits.includes(trait))?.[1] ?? "Casual and warm; short messages";
  const work =
    kind === "retired"
      ? `${first} is retired now${formerJob ? `, after a working life as ${withArticle(formerJob)},` : ""} and has time for ${loves}.`
      : `${first} is ${withArticle(job)} and spends free time on ${loves}.`;
  // "A Brazilian chef in Sydney" grew up in Brazil; an origin that is the home country changes nothing.
  const origin = facts.origin && !sameCountry(facts.origin.country, identity.country) ? facts.origin : null;
  const demonym = facts.origin ? `${facts.origin.demonym} ` : "";
  const roots = origin
    ? `${first} is ${age}, grew up in ${origin.country} and moved to ${city}${identity.country ? `, ${identity.country},` : ""} years ago, bringing ${origin.demonym} home cooking, music and stubbornness along.`
    : `${first} is ${age} and has lived in ${city}${identity.country ? `, ${identity.country},` : ""} for years.`;
  return {
    name,
    identity,
    persona: {
      summary: clip(
        `${name}, ${age}, is ${withArticle(`${traits[0]} ${demonym}${job === "retired" ? "retiree" : job}`)} in ${city} ${/\bwho\b/.test(job) ? "and" : "who"} loves ${loves}.`,
        500,
      ),
      traits,
      speakingStyle: clip(`${style}; asks questions back and brings up ${interests[0]} when it fits.`, 500),
      backstory: clip(`${roots} ${work} Friends would call ${first} ${traits.slice(0, 3).join(", ")}.`, 4000),
      interests,
      selfDescribesAsAI: false,
    },
  };
}

export function identityAt(place: Place, occupation: string): IdentityInput {
  return {
    homeCity: place.city,
    country: place.country,
    timezone: place.timezone,
    latitude: Math.round(place.latitude * 100) / 100,
    occupation: clip(occupation, 100),
  };
}

/** The prompt's traits, then fillers that contradict none of them, four at least. */
export function withFillers(traits: readonly string[], seed: number): string[] {
  const clash = (a: string) =>
    traits.some((b) => OPPOSITE_TRAITS.some(([x, y]) => (x === a && y === b) || (x === b && y === a)));
  const fillers = rotate(FILLER_TRAITS, seed).filter((t) => !clash(t));
  return unique([...traits, ...fillers]).slice(0, Math.max(4, traits.length));
}

export function withArticle(phrase: string): string {
  const vowel = /^(?:[aeio]|u(?!ni|s[eu])|hour|honest|heir)/i.test(phrase) && !/^(?:one|eu)/i.test(phrase);
  return `${vowel ? "an" : "a"} ${phrase}`;
}

/** "the United States" and "United States" are one country. */
function sameCountry(a: string, b: string | null | undefined): boolean {
  const plain = (name: string) => name.replace(/^the\s+/i, "").toLowerCase();
  return b != null && plain(a) === plain(b);
}

function rotate<T>(items: readonly T[], seed: number): T[] {
  const start = seed % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
