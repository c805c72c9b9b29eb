import type { IdentityInput } from "../../domain/agent/commands.ts";
import type { AgentDraft, AgentDraftRequest, AgentGenerator } from "./agentGenerator.ts";

const CITIES: readonly (Omit<IdentityInput, "occupation"> & { words: RegExp })[] = [
  {
    homeCity: "Lisbon",
    country: "Portugal",
    timezone: "Europe/Lisbon",
    latitude: 38.7,
    words: /lisbon|portugal/i,
  },
  { homeCity: "Tokyo", country: "Japan", timezone: "Asia/Tokyo", latitude: 35.7, words: /tokyo|japan/i },
  {
    homeCity: "New York",
    country: "United States",
    timezone: "America/New_York",
    latitude: 40.7,
    words: /new york|nyc|brooklyn/i,
  },
  {
    homeCity: "Berlin",
    country: "Germany",
    timezone: "Europe/Berlin",
    latitude: 52.5,
    words: /berlin|germany/i,
  },
  {
    homeCity: "Melbourne",
    country: "Australia",
    timezone: "Australia/Melbourne",
    latitude: -37.8,
    words: /melbourne|australia/i,
  },
  {
    homeCity: "Buenos Aires",
    country: "Argentina",
    timezone: "America/Argentina/Buenos_Aires",
    latitude: -34.6,
    words: /buenos aires|argentina/i,
  },
  { homeCity: "Paris", country: "France", timezone: "Europe/Paris", latitude: 48.9, words: /paris|france/i },
  {
    homeCity: "Seoul",
    country: "South Korea",
    timezone: "Asia/Seoul",
    latitude: 37.6,
    words: /seoul|korea/i,
  },
];

const OCCUPATIONS: readonly [RegExp, string][] = [
  [/barista|coffee|caf[eé]/i, "barista"],
  [/nurse/i, "nurse"],
  [/teach/i, "teacher"],
  [/develop|engineer|programm|coder/i, "software developer"],
  [/design/i, "graphic designer"],
  [/music|guitar|singer|pian/i, "musician"],
  [/chef|cook|bak/i, "chef"],
  [/writ|author|journalist/i, "writer"],
  [/student/i, "student"],
  [/photograph/i, "photographer"],
];

const TRAITS: readonly [RegExp, string][] = [
  [/cheer|happy|sunny|bubbly/i, "cheerful"],
  [/shy|quiet|introvert/i, "shy"],
  [/funny|witty|joke|humou?r/i, "witty"],
  [/kind|warm|caring|gentle/i, "warm"],
  [/curious|nerd|geek/i, "curious"],
  [/adventur|travel|explor/i, "adventurous"],
  [/calm|chill|relaxed/i, "calm"],
  [/sarcas|dry/i, "dry-humoured"],
];
const DEFAULT_TRAITS = ["friendly", "thoughtful", "curious", "warm", "playful", "grounded"];

const INTERESTS: readonly [RegExp, string][] = [
  [/surf/i, "surfing"],
  [/book|read/i, "reading"],
  [/music|concert|guitar/i, "live music"],
  [/cook|food|bak/i, "cooking"],
  [/hik|mountain|outdoor/i, "hiking"],
  [/game|gaming/i, "video games"],
  [/film|movie|cinema/i, "films"],
  [/art|paint|draw/i, "drawing"],
  [/run|gym|fitness/i, "running"],
  [/coffee/i, "good coffee"],
];
const DEFAULT_INTERESTS = ["long walks", "street food", "old films", "podcasts", "board games"];

const NAMES = ["Mia", "Leo", "Ana", "Kai", "Noor", "Elias", "Yuna", "Tomas", "Iris", "Sam", "Lena", "Rafa"];

/** Reproducible text from the prompt alone: the same prompt always gives the same agent. */
export const templateAgentGenerator: AgentGenerator = {
  name: "template",
  async generate(request: AgentDraftRequest): Promise<AgentDraft> {
    const prompt = request.prompt.trim();
    const seed = hash(prompt);
    const pick = <T>(items: readonly T[], salt: number) => items[(seed + salt) % items.length]!;
    const matched = (table: readonly [RegExp, string][]) =>
      table.filter(([pattern]) => pattern.test(prompt)).map(([, value]) => value);
    const name = request.name?.trim() || pick(NAMES, 0);
    const identity = request.identity ?? defaultIdentity(prompt, matched(OCCUPATIONS)[0], pick);
    const traits = unique([...matched(TRAITS), pick(DEFAULT_TRAITS, 1), pick(DEFAULT_TRAITS, 4)]).slice(0, 4);
    const interests = unique([
      ...matched(INTERESTS),
      pick(DEFAULT_INTERESTS, 2),
      pick(DEFAULT_INTERESTS, 3),
    ]).slice(0, 5);
    const summary = clip(
      `${name} is a ${traits[0]} ${identity.occupation} from ${identity.homeCity}. ${sentence(prompt)}`,
      500,
    );
    return {
      name,
      identity,
      persona: {
        summary,
        traits,
        speakingStyle: clip(
          `Casual and ${traits[1] ?? "friendly"}; short messages, asks questions back, and mentions ${interests[0]} when it fits.`,
          500,
        ),
        backstory: clip(
          `${name} grew up around ${identity.homeCity} and works as a ${identity.occupation}. Outside work: ${interests.join(", ")}. In their own words: ${sentence(prompt)}`,
          4000,
        ),
        interests,
        selfDescribesAsAI: false,
      },
    };
  },
};

function defaultIdentity(
  prompt: string,
  occupation: string | undefined,
  pick: <T>(items: readonly T[], salt: number) => T,
): IdentityInput {
  const city = CITIES.find((c) => c.words.test(prompt)) ?? pick(CITIES, 5);
  return {
    homeCity: city.homeCity,
    country: city.country,
    timezone: city.timezone,
    latitude: city.latitude,
    occupation: occupation ?? pick(OCCUPATIONS, 6)[1],
  };
}

function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
