import type { ReplyContext } from "../prompt/replyContext.ts";
import { perMessage } from "./personaMessageReadings.ts";
import type { MoodVoice } from "./personaMoods.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading } from "./personaReading.ts";
import { lifeEventRemark, timeOfDayRemark, weatherRemark, workRemark } from "./personaSmallTalk.ts";

export interface Part {
  text: string;
  /** Lower comes first when sentences have to be cut. */
  priority: number;
}

/** A remark of its own after the answer; none that repeats what a question about work or the day was answered with. */
export function smallTalk(
  context: ReplyContext,
  reading: MessageReading,
  random: SeededRandom,
): string | null {
  const options: (() => string | null)[] = [];
  if (reading.question !== "work" && reading.question !== "day")
    options.push(
      () => lifeEventRemark(context),
      () => workRemark(context),
    );
  if (reading.question !== "time") options.push(() => timeOfDayRemark(context, random));
  const aboutCity = context.personMessage.toLowerCase().includes(context.identity.homeCity.toLowerCase());
  if (reading.question !== "weather" && reading.question !== "location" && !aboutCity)
    options.push(() => weatherRemark(context, random));
  return random.pick(options)();
}

/** A remark the agent made in the recent conversation is not worth repeating word for word. */
export function alreadySaid(text: string, context: ReplyContext): boolean {
  const key = normalized(text);
  if (key.length < 12) return false;
  return context.recentMessages.some((m) => m.author === "agent" && normalizedMessage(m).includes(key));
}

/** "How long have you lived there?": a question the agent asked in one of its last two replies is not asked again. */
export function askedLately(text: string, context: ReplyContext): boolean {
  if (!text.trim().endsWith("?")) return false;
  const key = normalized(text);
  if (key.length < 12) return false;
  return context.recentMessages
    .filter((m) => m.author === "agent")
    .slice(-2)
    .some((m) => normalizedMessage(m).includes(key));
}

const normalizedMessage = perMessage((m) => normalized(m.text));

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Two sentences ending in the same words say the same thing ("…sketches for a new commission"). */
export function repeats(part: Part, earlier: readonly Part[]): boolean {
  const tail = normalizedPart(part).split(" ").slice(-3).join(" ");
  return tail.length >= 12 && earlier.some((other) => normalizedPart(other).includes(tail));
}

/** Each part is weighed against every part before it: its words are put plainly once. */
const partWords = new WeakMap<Part, string>();

function normalizedPart(part: Part): string {
  let words = partWords.get(part);
  if (words === undefined) {
    words = normalized(part.text);
    partWords.set(part, words);
  }
  return words;
}

const SAD_NEWS =
  /\b(?:died|dead|passed away|put down|funeral|cancer|divorce|broke up|lost (?:my|your|her|his|their) (?:job|mum|mom|dad|mother|father|cat|dog|baby))\b/i;

export /** Ends a sentence in the mood's manner, without turning every line into an exclamation. */
function finishSentence(text: string, voice: MoodVoice, index: number, random: SeededRandom): string {
  const trimmed = text.trim();
  if (/[.!?…]$/.test(trimmed)) return trimmed;
  // "Your cat died yesterday!" would sound glad of it.
  if (SAD_NEWS.test(trimmed)) return `${trimmed}.`;
  const stop = voice.stop === "." || index === 0 || random.chance(0.4) ? voice.stop : ".";
  return `${trimmed}${stop}`;
}
