import { rhythmFor, shiftsAround } from "../../domain/agent/dailyRhythm.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { WEEKDAYS, type Weekday } from "../../domain/shared/time.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { isRetired, lifeEventRemark, todaysWork, workActivity } from "./personaSmallTalk.ts";
import { trades } from "./personaTrades.ts";
import { capitalize } from "./personaTyping.ts";

/** What a question about the agent's work wants: what the job is, how today went, or whether it likes it. */
type WorkAsk = "what" | "today" | "like" | "best" | "hardest";

function askOf(text: string): WorkAsk {
  if (/\b(?:hardest|worst|toughest) (?:part|thing|bit)\b/i.test(text)) return "hardest";
  if (/\b(?:best|favou?rite) (?:part|thing|bit)\b/i.test(text)) return "best";
  if (
    /\bwhat(?:'s| is) (?:your |ur )?(?:job|work) like\b|\btypical (?:work ?)?day\b|\bday at work\b/i.test(
      text,
    )
  )
    return "what";
  if (/\b(?:like|love|enjoy|hate|happy)\b/i.test(text)) return "like";
  if (
    /\bhow\b|\b(?:today|tomorrow|tonight|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|busy|shift|working on|right now|at the moment)\b|^\s*(?:are|do) you (?:work|working)\b/i.test(
      text,
    )
  )
    return "today";
  return "what";
}

/** The agent's own work in the first person: what it does, how today at work went, whether it likes it. */
export function answerAboutWork(text: string, context: ReplyContext, random: SeededRandom): string[] {
  const { occupation, homeCity } = context.identity;
  if (isRetired(occupation)) return notWorking(askOf(text), occupation, context, random);
  const trade = trades.find((t) => t.pattern.test(occupation));
  const a = withIndefiniteArticle(occupation);
  // "What time do you start?": the hours its work keeps.
  if (/\b(?:what time|when) do (?:you|u) (?:start|finish|get off|clock (?:in|off)|knock off)\b/i.test(text)) {
    const { start, end, days } = rhythmFor(occupation, context.agent.summary).work;
    if (days.length > 0)
      return [`I start at ${start} and I'm usually done by ${end}`, "Earlier if I'm lucky, later if I'm not"];
  }
  const ask = askOf(text);
  switch (ask) {
    case "what":
      return [
        random.pick([`I'm ${a}`, `I work as ${a}`, `I'm ${a} here in ${homeCity}`]),
        trade ? random.pick(trade.involves) : `Most days it's ${workActivity(occupation, random)}`,
        todayAtWork(context, random, "short"),
      ];
    case "today":
      if (/\b(?:tomorrow|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i.test(text))
        return [laterAtWork(text, context, random)];
      // "What are you working on these days?" asks what the work is, not how today went.
      if (/\bworking on\b/i.test(text))
        return [`These days it's mostly ${todaysWork(context)}`, "Slow going, but I like where it's heading"];
      return [
        todayAtWork(context, random, /^\s*(?:are|will|do|did|were) you\b/i.test(text) ? "yes-no" : "full"),
        lifeEventRemark(context) ??
          (workToday(context) === "off" ? "I'm making the most of it" : "Nothing dramatic, at least"),
      ];
    case "like":
      return [
        random.pick(
          /irritated|tired|melancholy/.test(context.mood.name)
            ? ["Most days, yes", "Mostly, yes"]
            : ["I really do", "Honestly, I love it", "Most days, yes"],
        ),
        `The best part is ${trade?.best ?? "the people I work with"}`,
        `The hardest is ${trade?.hardest ?? "the days that never seem to end"}`,
      ];
    case "best":
      return [
        `The best part is ${trade?.best ?? "the people I work with"}`,
        random.pick(["It's why I keep doing it", "Days like that make it all worth it"]),
      ];
    case "hardest":
      return [
        `The hardest part is ${trade?.hardest ?? "the days that never seem to end"}`,
        random.pick(["But I wouldn't swap it for anything", "Still, I'd choose it again"]),
      ];
    default:
      return assertNever(ask);
  }
}

type WorkToday = "off" | "before" | "at" | "done";

/** Where today's work stands on the agent's clock: day off, not started, at it now, or done. */
function workToday(context: ReplyContext): WorkToday {
  const rhythm = rhythmFor(context.identity.occupation, context.agent.summary);
  const weekday = weekdayOf(context.localTime.weekday);
  const minute = context.localTime.hour * 60 + context.localTime.minute;
  // Yesterday's shift counts only when it ran past midnight: a Friday day shift leaves Saturday off.
  const spans = (weekday ? shiftsAround(rhythm, weekday) : []).filter((s) => s.end > 0);
  if (spans.some((s) => minute >= s.start && minute < s.end)) return "at";
  if (spans.some((s) => s.start > minute)) return "before";
  return spans.length === 0 ? "off" : "done";
}

function todayAtWork(
  context: ReplyContext,
  random: SeededRandom,
  length: "short" | "full" | "yes-no",
): string {
  const rhythm = rhythmFor(context.identity.occupation, context.agent.summary);
  const place = rhythm.workplace;
  const start = rhythm.work.start;
  const activity = todaysWork(context);
  const state = workToday(context);
  switch (state) {
    case "at":
      if (length === "short") return `I'm at ${place} as we speak`;
      if (length === "yes-no") return `Yes, I'm at ${place} right now`;
      return random.pick([
        `I'm still at ${place} — today it's ${activity}`,
        `Still going — today it's ${activity}`,
      ]);
    case "before":
      if (length === "short") return `I start at ${start} today`;
      if (length === "yes-no") return `Yes, later — I start at ${start}`;
      return random.pick([`It hasn't started yet — I'm in at ${start}`, `Not yet, I start at ${start}`]);
    case "off":
      if (length === "short") return "Today's my day off, though";
      if (length === "yes-no") return `No, ${context.localTime.weekday} is my day off`;
      return random.pick([
        "No work today — it's my day off",
        `It's ${context.localTime.weekday}, so no work for me`,
      ]);
    case "done":
      if (length === "short") return "I'm done for today, though";
      if (length === "yes-no") return `Not anymore — I finished for the day, after ${activity}`;
      return random.pick([
        `Long, but good — it was all about ${activity}`,
        `Busy! It was all about ${activity}, and now I'm done`,
        `Good, thanks — it was mostly ${activity}`,
      ]);
    default:
      return assertNever(state);
  }
}

/** Whether the agent works tomorrow, on a day named or at the weekend, by the days its occupation works. */
function laterAtWork(text: string, context: ReplyContext, random: SeededRandom): string {
  const rhythm = rhythmFor(context.identity.occupation, context.agent.summary);
  // "What are you working on tomorrow?" asks what, not whether: no "yes" or "no" to it.
  const what = /^\s*(?:(?:and|so|ok|okay)[,!]?\s+)?what\b/i.test(text);
  // "Are you off tomorrow?" asks the other way round: its yes is a day off.
  const asksOff = /\b(?:are|r) (?:you|u) off\b/i.test(text);
  const off = (day: string) => (what ? `Nothing — ${day}` : `${asksOff ? "Yes" : "No"}, ${day}`);
  const on = (day: string) => (what ? `The usual work — ${day}` : `${asksOff ? "No" : "Yes"}, ${day}`);
  const named = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.exec(text)?.[0];
  const day = named ? weekdayOf(named) : undefined;
  if (named && day)
    return rhythm.work.days.includes(day)
      ? on(`${capitalize(named)} is a work day for me — I start at ${rhythm.work.start}`)
      : off(`${capitalize(named)}'s my day off`);
  if (/\bweekend\b/i.test(text))
    return rhythm.work.days.some((day) => day === "sat" || day === "sun")
      ? on("weekends are work days for me")
      : what || asksOff
        ? off("weekends are mine")
        : random.pick(["No, weekends are mine", "Not this weekend — it's all mine"]);
  const today = weekdayOf(context.localTime.weekday);
  const tomorrow = today ? WEEKDAYS[(WEEKDAYS.indexOf(today) + 1) % 7] : undefined;
  if (tomorrow && rhythm.work.days.includes(tomorrow))
    return what || asksOff
      ? on(`I start at ${rhythm.work.start}`)
      : random.pick([`Yes, I start at ${rhythm.work.start}`, `I do — ${rhythm.work.start} start, as usual`]);
  return what || asksOff
    ? off("tomorrow's my day off")
    : random.pick(["No, tomorrow's my day off", "Not tomorrow — it's a day off"]);
}

/** A retired agent (or one at home) talks about what it did and how its days go now. */
function notWorking(ask: WorkAsk, occupation: string, context: ReplyContext, random: SeededRandom): string[] {
  const former = occupation.replace(/\b(?:retired|former|ex-)\s*/i, "").trim();
  const retired = /retire|pension/i.test(occupation);
  const now = lifeEventRemark(context) ?? "I spend my days at my own pace";
  if (!retired) return [random.pick(["No job to go to at the moment", "I'm at home these days"]), now];
  switch (ask) {
    case "like":
    case "best":
    case "hardest":
      return [`I loved being ${withIndefiniteArticle(former)}`, "But I don't miss the early starts"];
    case "today":
      return [
        random.pick(["No work for me anymore — I'm retired", "I'm retired, so every day is my own"]),
        now,
      ];
    case "what":
      return [`I'm retired now — I spent years as ${withIndefiniteArticle(former)}`, now];
    default:
      return assertNever(ask);
  }
}

function weekdayOf(name: string): Weekday | undefined {
  const code = name.slice(0, 3).toLowerCase();
  return WEEKDAYS.find((day) => day === code);
}
