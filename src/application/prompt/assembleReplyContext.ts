import { availabilityAt } from "../../domain/agent/availability.ts";
import { activeScenariosAt, type Scenario } from "../../domain/agent/scenarios.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import type { WeatherReport } from "../../ports/weather.ts";
import { EVENT_ASKED_WITHIN_MS, type EventTold, eventOverAt } from "../memory/eventDue.ts";
import { calledNameOf } from "./calledName.ts";
import { occupationInSentence } from "./occupationWording.ts";
import type { ContextMemory, ReplyContext } from "./replyContext.ts";
import { weatherFlavour } from "./weather.ts";

export interface PersonaInput {
  name: string;
  summary: string;
  traits: readonly string[];
  speakingStyle: string;
  backstory: string;
  interests: readonly string[];
  selfDescribesAsAI: boolean;
  /** The appearance its portraits are drawn from. */
  appearance?: string;
}

export interface ReplyPromptInput {
  persona: PersonaInput;
  identity: ReplyContext["identity"];
  now: Date;
  mood: { name: string; intensity: number };
  affinity: number;
  /** The agent's scenarios; those whose window is open now are what it is doing. */
  scenarios: readonly Scenario[];
  lifeEvents: readonly { at: string; summary: string }[];
  /** Retrieved memories with their relevance score (higher is more relevant). */
  /** A summary only informs the reply; a fact may be brought up (in the agent's own words). */
  memories: readonly ContextMemory[];
  /** Facts the person told that name when something happens, with when each was recorded. */
  eventsTold?: readonly EventTold[];
  /** The conversation before the message being answered, oldest first. */
  recentMessages: ReplyContext["recentMessages"];
  personName: string;
  /** The name the conversation's facts say the person likes to be called, whichever were recalled. */
  calledNameInMemory?: string | null;
  /** The person's time zone from their profile, so lines about their hour use their clock. */
  personTimezone?: string | null;
  personMessage: string;
  earlierAlternatives?: ReplyContext["earlierAlternatives"];
  /** When the message being answered was sent (ISO); a message that waited for the agent to wake up is answered as such. */
  messageSentAt?: string;
  /** When the agent last wrote in this conversation, the message being answered or not. */
  latestAgentMessageAt?: string | null;
  /** Token budget for the prompt; the reply's own tokens come on top. */
  maxPromptTokens?: number;
  /** The weather from the `Weather` port; without it, the city's climate normals. */
  weather?: WeatherReport | null;
  /** Lorebook entries matched for this turn. */
  lore?: ReplyContext["lore"];
}

/** The full structured context for a turn: local time, weather and availability computed here. */
export function assembleReplyContext(input: ReplyPromptInput): ReplyContext {
  const { persona, identity, now } = input;
  const local = localDateTime(now, identity.timezone);
  const scenarios = activeScenariosAt(input.scenarios, now.toISOString(), identity.timezone);
  return {
    agent: {
      name: persona.name,
      summary: persona.summary,
      traits: persona.traits,
      speakingStyle: persona.speakingStyle,
      backstory: persona.backstory,
      interests: persona.interests,
      selfDescribesAsAI: persona.selfDescribesAsAI,
      ...(persona.appearance ? { appearance: persona.appearance } : {}),
    },
    identity: { ...identity, occupation: occupationInSentence(identity.occupation) },
    localTime: {
      label: local.label,
      weekday: local.weekdayName,
      date: local.date,
      hour: local.hour,
      minute: local.minute,
      partOfDay: local.partOfDay,
    },
    weather: weatherFlavour({
      place: { city: identity.homeCity, country: identity.country, timezone: identity.timezone },
      now,
      month: local.month,
      partOfDay: local.partOfDay,
      report: input.weather,
    }),
    mood: { name: input.mood.name, intensity: clamp(input.mood.intensity, 0, 1) },
    affinity: clamp(Math.round(input.affinity), -100, 100),
    availability: availabilityForReply(input),
    ...(stretchGoesOn(input) ? { stretchGoesOn: true } : {}),
    activeScenarios: scenarios.map(({ title, description }) => ({ title, description })),
    lifeEvents: input.lifeEvents,
    memories: input.memories,
    ...eventsOverBy(now, input.eventsTold, input.personTimezone || identity.timezone),
    recentMessages: input.recentMessages,
    personName: input.personName,
    calledName: calledNameOf(input),
    personLocalTime: personClock(now, input.personTimezone),
    personMessage: input.personMessage,
    ...(input.earlierAlternatives?.length ? { earlierAlternatives: input.earlierAlternatives } : {}),
    ...(input.lore && input.lore.length > 0 ? { lore: input.lore } : {}),
  };
}

function eventsOverBy(
  now: Date,
  told: ReplyPromptInput["eventsTold"],
  timezone: string,
): Pick<ReplyContext, "eventsOver"> | Record<string, never> {
  const eventsOver = (told ?? []).flatMap(({ text, recordedAt }) => {
    const overAt = eventOverAt(text, recordedAt, timezone);
    const ago = overAt === null ? -1 : now.getTime() - Date.parse(overAt);
    return overAt !== null && ago >= 0 && ago <= EVENT_ASKED_WITHIN_MS ? [{ text, overAt }] : [];
  });
  return eventsOver.length > 0 ? { eventsOver } : {};
}

function personClock(now: Date, timezone: string | null | undefined): ReplyContext["personLocalTime"] {
  if (!timezone) return null;
  const local = localDateTime(now, timezone);
  return { label: local.label, hour: local.hour, partOfDay: local.partOfDay };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A message that waited is answered on waking up, not as if it had just come in. */
const WOKE_UP_RECENTLY_MS = 3 * 3_600_000;

/**
 * The availability a reply is written in: as the agent is now, except that a reply written while
 * the agent sleeps is a drowsy one (it is going out now), and a reply to a message that arrived in
 * the night, written soon after waking, says it was just seen.
 */
function availabilityForReply(input: ReplyPromptInput): ReplyContext["availability"] {
  const at = (now: Date, scenarios: readonly Scenario[]) =>
    availabilityAt({
      identity: input.identity,
      about: input.persona.summary,
      scenarios,
      affinity: input.affinity,
      now,
    });
  const current = at(input.now, input.scenarios);
  if (current.replyMode === "deferred") {
    const { deferUntil: _, ...asleep } = current;
    return { ...asleep, replyMode: "sleepy", maxSentences: 2 };
  }
  if (current.replyMode !== "normal" || !input.messageSentAt) return current;
  const then = at(new Date(input.messageSentAt), []);
  const wokeAt = then.deferUntil ? Date.parse(then.deferUntil) : Number.NaN;
  const sinceWaking = input.now.getTime() - wokeAt;
  if (then.replyMode !== "deferred" || !(sinceWaking >= 0 && sinceWaking < WOKE_UP_RECENTLY_MS))
    return current;
  // Several messages from the night: only the first answer after waking says so.
  if (input.latestAgentMessageAt && Date.parse(input.latestAgentMessageAt) >= wokeAt) return current;
  return { ...current, replyMode: "deferred", deferUntil: then.deferUntil };
}

/** A busy or sleeping stretch is hours long at most; a reply from before that was in another one. */
const STRETCH_MS = 10 * 3_600_000;

/** Whether the agent's last message in the conversation was written busy or asleep, in this same stretch. */
function stretchGoesOn(input: ReplyPromptInput): boolean {
  const latest = input.latestAgentMessageAt ? new Date(input.latestAgentMessageAt) : null;
  if (!latest || !(input.now.getTime() - latest.getTime() < STRETCH_MS)) return false;
  // Only a reply before this message told the person anything: not a greeting written with it.
  if (input.messageSentAt && latest.getTime() === Date.parse(input.messageSentAt)) return false;
  const at = (now: Date) =>
    availabilityAt({
      identity: input.identity,
      about: input.persona.summary,
      scenarios: input.scenarios,
      affinity: input.affinity,
      now,
    }).status;
  const status = at(input.now);
  if (status === "free") return false;
  // Busy (or asleep) then and at every half hour since: one stretch, not two with a break between.
  for (let t = latest.getTime(); t < input.now.getTime(); t += 30 * 60_000)
    if (at(new Date(t)) !== status) return false;
  return true;
}
