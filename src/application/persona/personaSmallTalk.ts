import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { PartOfDay, ReplyContext } from "../prompt/replyContext.ts";
import { greeting, opensWithThanks } from "./personaGreetingWords.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { fixedForAgent, type SeededRandom, seededRandom } from "./personaRandom.ts";
import type { QuestionKind } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

const occupationWork: readonly [RegExp, readonly string[]][] = [
  [
    /sound engineer|audio engineer|sound tech|mixing engineer|recording engineer|sound designer/i,
    ["a sound check that took forever", "mixing a band's live recording"],
  ],
  [/food truck|street food/i, ["the lunch rush at the truck", "prepping at dawn for the truck"]],
  [/nurse|doctor|medic|paramedic/i, ["a long shift on the ward", "running between patients"]],
  [
    /yoga|pilates|fitness|personal trainer|danc|tango|salsa|ballet|swimming (?:teacher|coach|instructor)|surf (?:teacher|coach|instructor)/i,
    ["back-to-back classes", "a packed early class"],
  ],
  [/chess/i, ["a round of lessons with my students", "going over a student's lost games"]],
  [
    /carpent|joiner|woodwork|cabinet/i,
    ["a cupboard that has to be fitted today", "sanding and more sanding"],
  ],
  [/teach|tutor|professor/i, ["a pile of marking", "a class that wouldn't settle down"]],
  [/barista|caf[eé]|coffee/i, ["the morning rush at the café", "pulling espresso shots"]],
  [/design|illustrat|artist|paint/i, ["sketches for a new commission", "fiddling with colour palettes"]],
  [
    /develop|software|programm|coder|(?<!sound |audio |civil |mechanical |electrical )engineer/i,
    ["chasing a bug that refuses to die", "a code review that went on forever"],
  ],
  [/music|singer|guitar|pian/i, ["rehearsals", "a melody I can't get out of my head"]],
  [/chef|cook|baker/i, ["prep in the kitchen", "testing a new recipe"]],
  [/student/i, ["lectures and a reading list", "a paper that's due soon"]],
  [/writ|journalist|author|editor/i, ["a chapter that won't behave", "a deadline"]],
  [/photograph/i, ["editing yesterday's shoot", "chasing good light"]],
];

/** The things the agent's work is about, for a working agent; empty for one whose work it does not know. */
export function workThings(occupation: string): readonly string[] {
  return isRetired(occupation)
    ? []
    : (occupationWork.find(([pattern]) => pattern.test(occupation))?.[1] ?? []);
}

export function workActivity(occupation: string, random: SeededRandom): string {
  if (isRetired(occupation)) return random.pick(["my own pace", "the things I finally have time for"]);
  const found = occupationWork.find(([pattern]) => pattern.test(occupation));
  return random.pick(found?.[1] ?? [`the usual ${occupation} things`, "one thing after another"]);
}

type AgentDay = Pick<ReplyContext, "agent" | "identity" | "localTime">;

/** What the agent's work is about today: the same all day, however often and however it is asked. */
export function todaysWork(context: AgentDay): string {
  return workActivity(context.identity.occupation, fixedForAgent(context, `work ${context.localTime.date}`));
}

/** How the working day went, in one sentence; a retired person's day is their own. */
export function workRemark(context: AgentDay): string {
  if (isRetired(context.identity.occupation)) return `I spent the day at ${todaysWork(context)}`;
  // On a Saturday off, no day's work to tell of.
  const { days } = rhythmFor(context.identity.occupation, context.agent.summary).work;
  const today = context.localTime.weekday.slice(0, 3).toLowerCase();
  if (days.length > 0 && !days.some((day) => day === today)) return "No work today — the day is all mine";
  return `Work today was all about ${todaysWork(context)}`;
}

/** A retired person (or one at home) has no shifts or office: their weekdays are their own. */
export function isRetired(occupation: string): boolean {
  const kind = rhythmFor(occupation).kind;
  return kind === "retired" || kind === "home";
}

function isWeekend(weekday: string): boolean {
  return weekday === "Saturday" || weekday === "Sunday";
}

/**
 * What the agent is doing right now, in the first person, without a final stop. It is picked for
 * the hour, not the sentence, so every line of a reply and every reply that hour agree on it.
 */
export function currentActivity(context: ReplyContext): string {
  const { date, hour } = context.localTime;
  const random = seededRandom(hour, context.agent.name, date);
  const scenario = context.activeScenarios[0];
  if (context.availability.status === "busy" && scenario)
    return `I'm in the middle of ${lowerFirst(scenario.title)}`;
  const interest = context.agent.interests.length ? random.pick(context.agent.interests) : "a good book";
  const part: PartOfDay = context.localTime.partOfDay;
  switch (part) {
    case "early morning":
      return random.pick(["I just woke up, coffee in hand", "I'm slowly waking up with a coffee"]);
    case "morning":
      return isWeekend(context.localTime.weekday) || isRetired(context.identity.occupation)
        ? `I'm having a slow ${context.localTime.weekday} morning, thinking about some ${interest}`
        : `I'm just getting into work; it's ${todaysWork(context)} today`;
    case "afternoon":
      return isWeekend(context.localTime.weekday) || isRetired(context.identity.occupation)
        ? `I'm making the most of the afternoon with some ${pastimeOf(context.agent.interests, random, "reading")}`
        : `I'm still at work; it's ${todaysWork(context)} today`;
    case "evening":
      return random.pick([
        `I'm winding down, maybe with some ${pastimeOf(context.agent.interests, random, "reading")} later`,
        "I just made dinner and I'm finally sitting down",
      ]);
    case "night":
      return random.pick(["I'm curled up on the sofa", `I'm reading about ${interest} before bed`]);
    case "late night":
      return "I'm lying in bed and should really be asleep";
    default:
      return assertNever(part);
  }
}

export function timeOfDayRemark(context: ReplyContext, random: SeededRandom): string {
  const { localTime, identity } = context;
  const part: PartOfDay = localTime.partOfDay;
  switch (part) {
    case "early morning":
      return random.pick(["I'm still on my first coffee", `It's early here in ${identity.homeCity}`]);
    case "morning":
      return random.pick([`${localTime.weekday} morning here`, "The morning is flying by"]);
    case "afternoon":
      return random.pick(["It's that slow part of the afternoon here", `Afternoon in ${identity.homeCity}`]);
    case "evening":
      return random.pick(["Evenings are my favourite part of the day", "The evening is finally quiet here"]);
    case "night":
      return random.pick([`It's getting late here in ${identity.homeCity}`, "The night is quiet here"]);
    case "late night":
      return random.pick([
        `It's ${clock(context)} here, the whole street is asleep`,
        "It's the middle of the night here",
      ]);
    default:
      return assertNever(part);
  }
}

export function weatherRemark(context: ReplyContext, random: SeededRandom): string {
  const { weather, identity } = context;
  return random.pick([
    `It's ${weather.condition} in ${identity.homeCity}, about ${weather.temperatureC}°C`,
    `Outside it's ${weather.condition}, around ${weather.temperatureC}°C`,
    `${capitalize(identity.homeCity)} is ${weather.condition} today`,
  ]);
}

/** A recent life event as something the agent mentions: "Oh, and I went to a pottery class". */
export function lifeEventRemark(context: ReplyContext): string | null {
  const event = context.lifeEvents.at(-1);
  if (!event) return null;
  const name = context.agent.name.split(/\s+/)[0] ?? context.agent.name;
  let summary = event.summary
    .trim()
    .replace(/[.!]+$/, "")
    .replace(/^My day:\s*/i, "");
  if (/^(?:A|An|The)\s/.test(summary) && !/^(?:A|An|The)\s+\S+\s+(?:was|is|went|came)\b/.test(summary))
    return `Oh, and today brought ${lowerFirst(summary)}`;
  if (summary.startsWith(`${name} `)) summary = `I ${summary.slice(name.length + 1)}`;
  else if (!/^(?:I|I'm|My|We)\b/.test(summary)) summary = `I ${lowerFirst(summary)}`;
  summary = summary.replace(/\b(?:she|he|they) (?=\w)/, "I ").replace(/\b(?:her|his|their)\b/g, "my");
  return `Oh, and ${lowerFirst(summary).replace(/^i\b/, "I")}`;
}

/** A question back; after the person asked one, never an unrelated "have you ever tried…". */
export function closingQuestion(
  context: ReplyContext,
  random: SeededRandom,
  asked: QuestionKind | null,
): string {
  // "Have you ever tried old trams?" asks nothing: only a thing to do can be tried.
  const interest = pastimeOf(context.agent.interests, random, "");
  const theirPart = context.personLocalTime?.partOfDay;
  // "What about you?" turns a question back; after a hello or a thank-you nothing was asked.
  const thanked = opensWithThanks.test(context.personMessage ?? "");
  const turnsBack = asked !== null && !thanked;
  const options = [
    ...(turnsBack ? ["What about you?"] : []),
    // Their part of the day, by their clock; without one, no guess from the agent's.
    `How's your ${theirPart === "late night" ? "night" : (theirPart ?? "day")} going?`,
    "Tell me something good from your day?",
  ];
  if (asked !== "activity") options.push("What are you up to?");
  if (interest && asked === null && !greeting.test(context.personMessage ?? "") && !thanked)
    options.push(`Have you ever tried ${interest}?`);
  return random.pick(options);
}

export function clock(context: ReplyContext): string {
  return context.localTime.label.split(" ").at(-1) ?? context.localTime.label;
}

/** Lowercases a sentence-case start ("A friend's party") but leaves names ("Lisbon Marathon"). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z']*(?:\s+[a-z]|$)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
