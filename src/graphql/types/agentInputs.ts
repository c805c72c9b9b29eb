import { z } from "zod";
import { LIMITS } from "../../domain/agent/schemas.ts";
import { MOODS } from "../../domain/shared/mood.ts";
import { isBlank } from "../../domain/shared/text.ts";
import { isValidTimezone, WEEKDAYS } from "../../domain/shared/time.ts";
import { builder } from "../builder.ts";

/** Input types for the admin agent operations, and the zod schemas that check them with clear messages. */

const text = (max: number) =>
  z
    .string()
    .trim()
    .refine((value) => !isBlank(value), "must not be empty")
    .max(max, `must be at most ${max} characters`);

export const personaSchema = z.object({
  summary: text(LIMITS.summary),
  traits: z.array(text(LIMITS.trait)).min(1, "give at least one trait").max(LIMITS.traits),
  speakingStyle: text(LIMITS.speakingStyle),
  backstory: z
    .string()
    .max(LIMITS.backstory)
    .nullish()
    .transform((v) => v ?? ""),
  interests: z
    .array(text(LIMITS.interest))
    .max(LIMITS.interests)
    .nullish()
    .transform((v) => v ?? []),
  selfDescribesAsAI: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

export const identitySchema = z.object({
  homeCity: text(LIMITS.place),
  country: text(LIMITS.place)
    .nullish()
    .transform((v) => v ?? undefined),
  occupation: text(LIMITS.place),
  timezone: z.string().refine(isValidTimezone, "must be an IANA time zone such as Europe/Paris"),
  latitude: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((v) => v ?? undefined),
});

export const moodSchema = z.object({ mood: z.enum(MOODS), intensity: z.number().min(0).max(1) });

export const appearanceSchema = text(LIMITS.appearancePrompt);

export const windowSchema = z
  .object({
    weekly: z
      .object({ days: z.array(z.enum(WEEKDAYS)).min(1), start: z.string(), end: z.string() })
      .nullish(),
    once: z.object({ startsAt: z.string(), endsAt: z.string() }).nullish(),
  })
  .refine((w) => Boolean(w.weekly) !== Boolean(w.once), "give exactly one of weekly or once")
  .transform((w) =>
    w.weekly ? { kind: "weekly" as const, ...w.weekly } : { kind: "once" as const, ...w.once! },
  );

export const PersonaInput = builder.inputType("PersonaInput", {
  fields: (t) => ({
    summary: t.string({ required: true }),
    traits: t.stringList({ required: true }),
    speakingStyle: t.string({ required: true }),
    backstory: t.string(),
    interests: t.stringList(),
    selfDescribesAsAI: t.boolean({
      description: "Whether the agent says it is an AI when asked; off by default.",
    }),
  }),
});

export const IdentityInput = builder.inputType("IdentityInput", {
  fields: (t) => ({
    homeCity: t.string({ required: true }),
    country: t.string(),
    occupation: t.string({ required: true }),
    timezone: t.string({ required: true, description: "IANA time zone, e.g. Asia/Tokyo." }),
    latitude: t.float({ description: "Decides the seasons; north when left out." }),
  }),
});

export const MoodStateInput = builder.inputType("MoodStateInput", {
  fields: (t) => ({
    mood: t.string({ required: true, description: `One of: ${MOODS.join(", ")}.` }),
    intensity: t.float({ required: true }),
  }),
});

const WeeklyWindowInput = builder.inputType("WeeklyWindowInput", {
  fields: (t) => ({
    days: t.stringList({ required: true, description: "mon … sun." }),
    start: t.string({ required: true, description: "HH:MM on the agent's clock." }),
    end: t.string({ required: true, description: "HH:MM; before start runs past midnight." }),
  }),
});

const OnceWindowInput = builder.inputType("OnceWindowInput", {
  fields: (t) => ({
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
  }),
});

export const ScenarioWindowInput = builder.inputType("ScenarioWindowInput", {
  description: "Exactly one of weekly or once.",
  fields: (t) => ({ weekly: t.field({ type: WeeklyWindowInput }), once: t.field({ type: OnceWindowInput }) }),
});
