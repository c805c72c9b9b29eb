import { ImageDeclineReasonSchema } from "../../domain/conversation/events.ts";
import { MOODS, type MoodState } from "../../domain/shared/mood.ts";
import type { PartOfDay } from "../../domain/shared/time.ts";
import { builder } from "../builder.ts";

/** A GraphQL enum whose values are the domain's strings in UPPER_SNAKE_CASE (basePortrait → BASE_PORTRAIT). */
export function enumOf<T extends string>(name: string, values: readonly T[], description: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      values.map((value) => [value.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(), { value }]),
    ) as Record<string, { value: T }>,
  });
}

export const MoodEnum = enumOf("Mood", MOODS, "How the agent feels; a small named set.");

/** The one list of decline reasons: the domain's, and through this enum the client's. */
export const ImageDeclineReasonEnum = enumOf(
  "ImageDeclineReason",
  ImageDeclineReasonSchema.options,
  "Why the agent did not send a picture: not comfortable yet (talk a little more, or grow closer), asleep, busy, too soon after the last one, the daily limit, no portrait yet, or a request it will not draw.",
);

export const MoodStateRef = builder.objectRef<MoodState>("MoodState").implement({
  fields: (t) => ({
    mood: t.field({ type: MoodEnum, resolve: (m) => m.mood }),
    intensity: t.exposeFloat("intensity", { description: "From 0 (barely) to 1 (entirely)." }),
  }),
});

export interface LocalTimeShape {
  label: string;
  date: string;
  time: string;
  weekday: string;
  partOfDay: PartOfDay;
  timezone: string;
}

export const LocalTimeRef = builder.objectRef<LocalTimeShape>("LocalTime").implement({
  description: "The wall clock where the agent lives.",
  fields: (t) => ({
    label: t.exposeString("label", { description: 'e.g. "Tuesday 21:40".' }),
    date: t.exposeString("date", { description: "YYYY-MM-DD in the agent's time zone." }),
    time: t.exposeString("time", { description: "HH:MM, 24-hour." }),
    weekday: t.exposeString("weekday"),
    partOfDay: t.exposeString("partOfDay", {
      description: "early morning, morning, afternoon, evening, night or late night.",
    }),
    timezone: t.exposeString("timezone", { description: "IANA time zone name." }),
  }),
});

export const AvailabilityStatusEnum = enumOf(
  "AvailabilityStatus",
  ["free", "busy", "asleep"] as const,
  "Whether the agent can talk now.",
);

export interface AvailabilityShape {
  status: "free" | "busy" | "asleep";
  reason: string;
  until: string | null;
}

export const AvailabilityRef = builder.objectRef<AvailabilityShape>("Availability").implement({
  fields: (t) => ({
    status: t.field({ type: AvailabilityStatusEnum, resolve: (a) => a.status }),
    reason: t.exposeString("reason", { description: 'e.g. "asleep until 07:00".' }),
    until: t.field({
      type: "DateTime",
      nullable: true,
      description: "When a sleeping agent is up again, when known.",
      resolve: (a) => a.until,
    }),
  }),
});
