import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import { adviceTopic } from "./personaAdvice.ts";
import { canBeSpoken, readMemory } from "./personaMemoryReading.ts";
import { sentencesOf } from "./personaPhrases.ts";
import { type QuestionKind, readMessage, towardPerson } from "./personaReading.ts";

/** What a question about the agent was about, as the agent names it afterwards. */
const ASKED_ABOUT: Partial<Record<QuestionKind, string>> = {
  day: "my day",
  wellbeing: "how I'm doing",
  activity: "what I'm up to",
  location: "where I live",
  time: "the time here",
  weather: "the weather",
  work: "my work",
  plans: "my plans",
  name: "my name",
  identity: "whether I'm real",
};

/**
 * "What did we talk about?": what the person told in this conversation (in the agent's words, as
 * facts are said back) and what they asked it, from the messages on the path; facts remembered
 * from before when the conversation has only just begun.
 */
export function whatWeCovered(context: ReplyContext): string[] {
  const names = personNames(context);
  const told: string[] = [];
  const asked: string[] = [];
  for (const message of context.recentMessages) {
    if (message.author !== "person" || message.superseded) continue;
    const reading = readMessage(message.text);
    if (reading.kind === "request") {
      const request = requestTopic(message.text);
      if (request) asked.push(request);
    } else if (reading.question && reading.kind !== "own-facts") {
      const topic = questionTopic(reading.question, reading.topic);
      if (topic) asked.push(topic);
    } else if (!reading.question && TELLING.has(reading.kind)) {
      // "Hi Mia! I'm Tom and I live in Leeds.": what is told may follow a greeting.
      for (const sentence of sentencesOf(message.text).slice(0, 3)) {
        const said = toldAs(sentence, names);
        if (said) told.push(said);
      }
    }
  }
  if (told.length === 0)
    for (const memory of context.memories)
      if (memory.kind !== "summary" && canBeSpoken(memory, names))
        told.push(readMemory(memory, names).spoken);
  const toldLine = told.length > 0 ? `You told me ${listed(unique(told).slice(-3))}` : null;
  const askedLine = asked.length > 0 ? `you asked about ${listed(unique(asked).slice(-3))}` : null;
  // One sentence, so a reply cut short still names both.
  if (toldLine && askedLine) return [`${toldLine}, and ${askedLine}`];
  if (toldLine) return [toldLine, "What else is on your mind?"];
  if (askedLine) return [`Mostly me — ${askedLine}`, "Your turn: what's new with you?"];
  return ["Not much yet, we've only just started", "What's on your mind?"];
}

function questionTopic(kind: QuestionKind, topic: string | null): string | null {
  if (kind === "preference" || kind === "opinion") return topic ? `what I think of ${topic}` : "what I like";
  return ASKED_ABOUT[kind] ?? null;
}

function requestTopic(text: string): string | null {
  if (/\bjokes?\b/i.test(text)) return "jokes";
  if (/\bstory\b/i.test(text)) return "a story";
  const advice = adviceTopic(text);
  return advice ? `advice on ${advice}` : null;
}

/** Kinds of message that can tell something about the person. */
const TELLING: ReadonlySet<string> = new Set(["small-talk", "feeling", "greeting"]);

const NAME_GIVEN =
  /^(?:I'm|I am|[Mm]y name is|[Cc]all me|[Ii]t's)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?:,?\s+and\s+|,\s*|\s*$)/u;

/** "I live in Hamburg" → "you live in Hamburg": a statement of their own, short enough to say back. */
function toldAs(text: string, names: ReturnType<typeof personNames>): string | null {
  const sentence = sentencesOf(text)[0]!
    .replace(/(?:\s+(?:lol|lmao|haha\w*|xd)|\s*\p{Extended_Pictographic})+\s*$/giu, "")
    .replace(/[.!?…]+$/, "")
    .trim();
  // Their name is theirs to know, not news to tell back: "I'm Tom and I live in Leeds" told Leeds.
  const told = sentence.replace(NAME_GIVEN, "");
  if (told !== sentence) return told === "" ? null : toldAs(told, names);
  if (!/^(?:(?:and|also|so|oh|well),?\s+)?(?:I|I'm|I've|my|we|we're|our)\b/i.test(sentence)) return null;
  if (sentence.split(/\s+/).length > 10) return null;
  const spoken = readMemory({ text: sentence, score: 0 }, names).spoken;
  return spoken === sentence ? towardPerson(sentence.replace(/^(?:and|also|so|oh|well),?\s+/i, "")) : spoken;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
}
