import { CLOCK_TIME } from "../memory/factPatterns.ts";
import { classifyClause, ownedAppointment } from "../memory/factRules.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import { readMemory } from "./personaMemoryReading.ts";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const TODAY = /\b(?:today|tonight|this (?:morning|afternoon|evening)|later)\b/i;
/** "What's on tomorrow?", "anything on Friday?", "what have I got today?": the person's plans for a day. */
const ASKS_PLANS_OF_A_DAY =
  /\b(?:anything on|what(?:'s| is) on|what (?:do I have|have I got|I(?:'ve| have)? got)|(?:have I got|do I have|got) anything|(?:my )?plans? (?:for|on))\b/i;

/** "next month", "this summer", "in June": a plan of no one day. */
const LONGER_THAN_A_DAY =
  /\b(?:next|weekends?|weeks?|months?|years?|summer|winter|spring|autumn|january|february|march|april|june|july|august|september|october|november|december)\b/i;

/** A plan the person told and the day it falls on, counted in days from today. */
interface PlanOfADay {
  text: string;
  /** Null for a plan of no one day ("Spain next month", "a new job"). */
  day: number | null;
}

/**
 * "Physio at 11" (told today) then "what's on tomorrow?": a plan is offered only for the day it
 * falls on. Told without a day, a plan falls on the day it was told. Null when the question asks
 * about no day, or the person has told of no plan.
 */
export function answerPlansOfADay(context: ReplyContext): string[] | null {
  if (!ASKS_PLANS_OF_A_DAY.test(context.personMessage)) return null;
  const today = todayIndex(context);
  const asked = dayAsked(context.personMessage, today);
  if (asked === null) return null;
  const plans = plansTold(context, today);
  if (plans.length === 0) return null;
  const names = personNames(context);
  // "Vet tomorrow at 9" told yesterday is today's.
  const spoken = (plan: PlanOfADay) =>
    readMemory({ text: plan.text, score: 0 }, names)
      .spoken.replace(/\btomorrow\b/i, dayName(plan.day ?? 1, today))
      .replace(/[.!]$/, "");
  const that = plans.find((plan) => plan.day === asked);
  if (that) return [`Of course I remember — ${spoken(that)}`];
  const nothing = `Nothing ${dayName(asked, today)} that you've told me about`;
  const other = plans.findLast((plan) => plan.day !== null);
  if (!other) return [nothing, `What I do know: ${spoken(plans[plans.length - 1]!)}`];
  const day = other.day!;
  return [nothing, `The one I know of ${day < 0 ? "was" : "is"} ${dayName(day, today)}: ${spoken(other)}`];
}

/** The day a question asks about, in days from today. */
function dayAsked(message: string, today: number): number | null {
  if (/\btomorrow\b/i.test(message)) return 1;
  const weekday = WEEKDAY.exec(message);
  if (weekday) return (WEEKDAYS.indexOf(weekday[1]!.toLowerCase()) - today + 7) % 7;
  return TODAY.test(message) ? 0 : null;
}

/** The day a plan falls on, from its words and the day it was told (in days from today). */
function planDay(text: string, toldOn: number, today: number): number | null {
  if (LONGER_THAN_A_DAY.test(text)) return null;
  if (/\btomorrow\b/i.test(text)) return toldOn + 1;
  const weekday = WEEKDAY.exec(text);
  if (weekday) return (WEEKDAYS.indexOf(weekday[1]!.toLowerCase()) - today + 7) % 7;
  return CLOCK_TIME.test(text) || TODAY.test(text) ? toldOn : null;
}

/** Plans remembered and plans told in the conversation still in view, oldest first. */
function plansTold(context: ReplyContext, today: number): PlanOfADay[] {
  const date = context.localTime.date;
  const told = context.recentMessages
    .filter((m) => m.author === "person" && !m.superseded && !m.text.includes("?"))
    .filter((m) => classifyClause(m.text) === "plan")
    .map((m) => {
      const toldOn = daysBetween(localDate(m.at, context.identity.timezone), date);
      return { text: ownedAppointment(m.text), day: planDay(m.text, toldOn, today) };
    });
  const remembered = context.memories
    .filter((memory) => memory.factKind === "plan")
    .filter((memory) => !told.some((plan) => sameWords(plan.text, memory.text)))
    .map((memory) => ({ text: memory.text, day: planDay(memory.text, 0, today) }));
  return [...remembered, ...told];
}

function sameWords(told: string, remembered: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/\d[\d:.]*|[a-z]{4,}/g) ?? [];
  const theirs = new Set(words(remembered));
  return words(told).every((word) => theirs.has(word));
}

function dayName(day: number, today: number): string {
  if (day === 0) return "today";
  if (day === 1) return "tomorrow";
  if (day === -1) return "yesterday";
  const name = WEEKDAYS[(((today + day) % 7) + 7) % 7]!;
  return `${day < 0 ? "last" : "on"} ${name[0]!.toUpperCase()}${name.slice(1)}`;
}

function todayIndex(context: ReplyContext): number {
  return new Date(`${context.localTime.date}T12:00:00Z`).getUTCDay();
}

function localDate(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(at));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${from}T12:00:00Z`) - Date.parse(`${to}T12:00:00Z`)) / 86_400_000);
}
