import type { LifeInitiationTrigger } from "../../domain/conversation/events.ts";
import { MAX_INITIATIONS_WITHOUT_ANSWER } from "../../domain/conversation/messages.ts";
import type { ConversationState } from "../../domain/conversation/state.ts";
import { inDailyWindow, minutesOfDay } from "../../domain/shared/clockTimes.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import type { QuietHours } from "../../domain/user/events.ts";

/**
 * When an agent may write first: the person has been silent long enough, the agent likes them
 * enough, the agent is awake and free, and it is not the person's quiet hours. Caps: a few per
 * person per day (their calendar day), a longer wait after each unanswered one, at most three per
 * silence, and never while do-not-disturb is on.
 */
export interface InitiationConfig {
  silenceMinutes: number;
  /** Affinity must be at least this. */
  affinityThreshold: number;
  /** Per person and calendar day in their time zone, across all agents. */
  maxPerDay: number;
  maxPerSilence: number;
  /** The wait after the 1st, 2nd… unanswered initiation, as multiples of the silence. */
  backoffFactors: readonly number[];
  /** Used when the person has set no quiet hours; null for none. */
  defaultQuietHours: QuietHours | null;
  /** For a person without a time zone. */
  fallbackTimezone: string;
  /** A life event younger than this is worth writing about. */
  lifeEventFreshMinutes: number;
  /** Once allowed, the chance of writing at a given tick, so messages do not all land the minute a window opens. */
  chancePerCheck: number;
}

export const defaultInitiationConfig: InitiationConfig = {
  silenceMinutes: 240,
  affinityThreshold: 20,
  maxPerDay: 2,
  maxPerSilence: MAX_INITIATIONS_WITHOUT_ANSWER,
  backoffFactors: [2, 4],
  defaultQuietHours: { start: "22:00", end: "08:00" },
  fallbackTimezone: "UTC",
  lifeEventFreshMinutes: 180,
  chancePerCheck: 0.25,
};

export type ConversationFacts = Pick<
  ConversationState,
  | "started"
  | "lastUserMessageAt"
  | "lastAgentMessageAt"
  | "initiationsSinceUserMessage"
  | "lastInitiatedAt"
  | "affinity"
> & { awaitingReply: boolean };

export interface InitiationInput {
  conversation: ConversationFacts;
  person: { timezone: string | null; quietHours: QuietHours | null; doNotDisturb: boolean };
  /** When this person received agent-initiated messages lately, from any agent. */
  personInitiations: readonly string[];
  agent: { status: "free" | "busy" | "asleep" };
  latestLifeEvent: { lifeEventId: string; occurredAt: string } | null;
  now: Date;
  config?: InitiationConfig;
}

export type InitiationDecision =
  | { initiate: true; trigger: LifeInitiationTrigger; lifeEventId?: string }
  | { initiate: false; reason: InitiationBlock };

export type InitiationBlock =
  | "NoConversation"
  | "DoNotDisturb"
  | "AwaitingReply"
  | "QuietHours"
  | "AgentAsleep"
  | "AgentBusy"
  | "AffinityTooLow"
  | "NotSilentLongEnough"
  | "SilenceLimitReached"
  | "BackingOff"
  | "DailyLimitReached";

export function decideInitiation(input: InitiationInput): InitiationDecision {
  const config = input.config ?? defaultInitiationConfig;
  const { conversation: c, person, now } = input;
  const no = (reason: InitiationBlock): InitiationDecision => ({ initiate: false, reason });
  if (!c.started || !c.lastUserMessageAt) return no("NoConversation");
  if (person.doNotDisturb) return no("DoNotDisturb");
  if (c.awaitingReply) return no("AwaitingReply");
  const timezone = person.timezone ?? config.fallbackTimezone;
  const local = localDateTime(now.toISOString(), timezone);
  const quiet = person.quietHours ?? config.defaultQuietHours;
  if (quiet && inDailyWindow(local.minuteOfDay, minutesOfDay(quiet.start), minutesOfDay(quiet.end)))
    return no("QuietHours");
  if (input.agent.status === "asleep") return no("AgentAsleep");
  if (input.agent.status === "busy") return no("AgentBusy");
  if (c.affinity < config.affinityThreshold) return no("AffinityTooLow");
  const perSilence = Math.min(config.maxPerSilence, MAX_INITIATIONS_WITHOUT_ANSWER);
  if (c.initiationsSinceUserMessage >= perSilence) return no("SilenceLimitReached");
  const minutesSince = (instant: string | null) =>
    instant ? (now.getTime() - Date.parse(instant)) / 60_000 : Number.POSITIVE_INFINITY;
  const sinceLastWord = Math.min(minutesSince(c.lastUserMessageAt), minutesSince(c.lastAgentMessageAt));
  if (c.initiationsSinceUserMessage === 0) {
    if (sinceLastWord < config.silenceMinutes) return no("NotSilentLongEnough");
  } else {
    const factor =
      config.backoffFactors[Math.min(c.initiationsSinceUserMessage, config.backoffFactors.length) - 1];
    if (minutesSince(c.lastInitiatedAt) < config.silenceMinutes * (factor ?? 1)) return no("BackingOff");
  }
  const today = input.personInitiations.filter(
    (at) => localDateTime(at, timezone).date === local.date && Date.parse(at) <= now.getTime(),
  );
  if (today.length >= config.maxPerDay) return no("DailyLimitReached");
  return { initiate: true, ...chooseTrigger(input, config, Number(local.time.slice(0, 2)), today.length) };
}

function chooseTrigger(
  input: InitiationInput,
  config: InitiationConfig,
  personHour: number,
  initiationsToday: number,
): { trigger: LifeInitiationTrigger; lifeEventId?: string } {
  if (input.conversation.initiationsSinceUserMessage > 0) return { trigger: "follow_up" };
  const event = input.latestLifeEvent;
  if (event && input.now.getTime() - Date.parse(event.occurredAt) <= config.lifeEventFreshMinutes * 60_000)
    return { trigger: "life_event", lifeEventId: event.lifeEventId };
  if (initiationsToday === 0 && personHour >= 7 && personHour < 10) return { trigger: "morning_greeting" };
  if (personHour >= 21) return { trigger: "good_night" };
  return { trigger: "check_in" };
}
