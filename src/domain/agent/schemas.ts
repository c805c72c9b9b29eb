import { z } from "zod";
import {
  ClockTimeSchema,
  InstantSchema,
  TimezoneSchema,
  textSchema,
  WeekdaySchema,
} from "../shared/schemas.ts";

/** The parts of an agent's events, and how long their texts may be. */

export const LIMITS = {
  name: 60,
  summary: 500,
  trait: 40,
  traits: 12,
  speakingStyle: 500,
  backstory: 4000,
  interest: 60,
  interests: 20,
  place: 100,
  appearancePrompt: 1000,
  scenarioTitle: 80,
  scenarioDescription: 1000,
  lifeEventTitle: 120,
  lifeEventDescription: 2000,
  reason: 200,
} as const;

export const PersonaSchema = z.object({
  summary: textSchema(1, LIMITS.summary),
  traits: z.array(textSchema(1, LIMITS.trait)).min(1).max(LIMITS.traits),
  speakingStyle: textSchema(1, LIMITS.speakingStyle),
  backstory: textSchema(0, LIMITS.backstory),
  interests: z.array(textSchema(1, LIMITS.interest)).max(LIMITS.interests),
  /** Whether the agent says it is an AI when asked; off unless an operator turns it on. */
  selfDescribesAsAI: z.boolean().default(false),
});
export type Persona = z.output<typeof PersonaSchema>;

export const HemisphereSchema = z.enum(["north", "south"]);
export type Hemisphere = z.output<typeof HemisphereSchema>;

export const IdentitySchema = z.object({
  homeCity: textSchema(1, LIMITS.place),
  country: textSchema(1, LIMITS.place).optional(),
  occupation: textSchema(1, LIMITS.place),
  timezone: TimezoneSchema,
  latitude: z.number().min(-90).max(90).optional(),
  /** Decides the seasons the agent lives through. */
  hemisphere: HemisphereSchema,
});
export type Identity = z.output<typeof IdentitySchema>;

/** Typed in by an operator, drafted by a model, or imported from a character card. */
export const AgentSourceSchema = z.enum(["manual", "generated", "card"]);
export type AgentSource = z.output<typeof AgentSourceSchema>;

/** Weekly: on these days between two local times (end before start runs past midnight). Once: an interval. */
export const ScenarioWindowSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("weekly"),
    days: z.array(WeekdaySchema).min(1).max(7),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  }),
  z.object({ kind: z.literal("once"), startsAt: InstantSchema, endsAt: InstantSchema }),
]);
export type ScenarioWindow = z.output<typeof ScenarioWindowSchema>;

export const LifeEventKindSchema = z.enum(["routine", "event", "milestone"]);
export type LifeEventKind = z.output<typeof LifeEventKindSchema>;
