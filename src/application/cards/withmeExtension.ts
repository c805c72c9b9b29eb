import { z } from "zod";
import type { Scenario } from "../../domain/agent/scenarios.ts";
import { type Identity, type Persona, ScenarioWindowSchema } from "../../domain/agent/schemas.ts";
import type { JsonObject, JsonValue } from "../../domain/shared/json.ts";
import { type MoodState, MoodStateSchema } from "../../domain/shared/mood.ts";
import { fingerprint } from "../../domain/shared/text.ts";

/**
 * `extensions.withme` on an exported card: what a card has no field for (identity, appearance,
 * mood baseline, scenarios) and the persona exactly, so import(export(agent)) is the same agent.
 * `textFingerprint` covers the description and personality as exported: when another tool has
 * edited them since, the card's text wins over the kept persona.
 */

const IdentitySchema = z.object({
  homeCity: z.string(),
  country: z.string().optional(),
  occupation: z.string(),
  timezone: z.string(),
  latitude: z.number().optional(),
  hemisphere: z.enum(["north", "south"]).optional(),
});

const PersonaSchema = z.object({
  summary: z.string(),
  traits: z.array(z.string()),
  speakingStyle: z.string(),
  backstory: z.string(),
  interests: z.array(z.string()),
  selfDescribesAsAI: z.boolean().optional(),
});

const ScenarioSchema = z.object({ title: z.string(), description: z.string(), window: ScenarioWindowSchema });

export interface WithmeExtension {
  identity: z.output<typeof IdentitySchema> | null;
  appearancePrompt: string | null;
  moodBaseline: MoodState | null;
  persona: z.output<typeof PersonaSchema> | null;
  scenarios: z.output<typeof ScenarioSchema>[];
  textFingerprint: string | null;
}

/** Each part read on its own: a damaged part is left out (and said so), the rest still counts. */
export function readWithmeExtension(extensions: JsonObject): {
  extension: WithmeExtension | null;
  warnings: string[];
} {
  const raw = extensions.withme;
  if (raw === undefined) return { extension: null, warnings: [] };
  const warnings: string[] = [];
  const value = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<
    string,
    unknown
  >;
  const part = <T>(schema: z.ZodType<T>, key: string): T | null => {
    if (value[key] === undefined) return null;
    const result = schema.safeParse(value[key]);
    if (!result.success) warnings.push(`The card's withme ${key} is damaged and was left out.`);
    return result.success ? result.data : null;
  };
  const scenarios = (Array.isArray(value.scenarios) ? value.scenarios : []).flatMap((s) => {
    const result = ScenarioSchema.safeParse(s);
    if (!result.success) warnings.push("A scenario in the card's withme data is damaged and was left out.");
    return result.success ? [result.data] : [];
  });
  return {
    extension: {
      identity: part(IdentitySchema, "identity"),
      appearancePrompt: part(z.string(), "appearancePrompt"),
      moodBaseline: part(MoodStateSchema, "moodBaseline"),
      persona: part(PersonaSchema, "persona"),
      scenarios,
      textFingerprint: part(z.string(), "textFingerprint"),
    },
    warnings,
  };
}

export function writeWithmeExtension(input: {
  identity: Identity;
  appearancePrompt: string;
  moodBaseline: MoodState;
  persona: Persona;
  scenarios: readonly Scenario[];
  description: string;
  personality: string;
}): JsonValue {
  return JSON.parse(
    JSON.stringify({
      version: 1,
      identity: input.identity,
      appearancePrompt: input.appearancePrompt,
      moodBaseline: input.moodBaseline,
      persona: input.persona,
      scenarios: input.scenarios
        .filter((s) => s.status === "active")
        .map(({ title, description, window }) => ({ title, description, window })),
      textFingerprint: cardTextFingerprint(input.description, input.personality),
    }),
  ) as JsonValue;
}

export function cardTextFingerprint(description: string, personality: string): string {
  return fingerprint(`${description}\u0000${personality}`);
}
