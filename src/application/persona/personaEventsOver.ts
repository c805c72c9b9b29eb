import type { ReplyContext } from "../prompt/replyContext.ts";
import { type PersonNames, personNames } from "./personaAddressing.ts";
import { readMemory } from "./personaMemoryReading.ts";
import { readMessage } from "./personaReading.ts";

const PLACE =
  /\b(?:flying|going|off|heading|travelling|traveling|driving|moving) to ((?:\p{Lu}[\p{L}'-]*)(?: \p{Lu}[\p{L}'-]*)*)/u;
const ASKS: readonly [RegExp, (found: RegExpExecArray) => string][] = [
  [
    /\b(job interview|interview|exams?|test|audition|presentation|driving test)\b/i,
    (m) => `How did the ${m[1]!.toLowerCase()} go?`,
  ],
  [/\bmoving (?:house|flat|home)?\b/i, () => "How did the move go?"],
  [/\bbirthday\b/i, () => "How was your birthday?"],
  [/\bnew job\b/i, () => "How was the first day at the new job?"],
  [
    /\b((?:hospital|doctor's|dentist|gp) appointment|appointment|surgery|operation|scan)\b/i,
    (m) => `How did the ${m[1]!.toLowerCase()} go?`,
  ],
  [
    /\b(?:wedding|party|gig|concert|match|race|marathon|date)\b/i,
    (m) => `How was the ${m[0].toLowerCase()}?`,
  ],
];

/**
 * "Hi again" after the exam the person told of is over: the agent asks how it went. Asked once,
 * at the first greeting after it was over; never in a greeting the person sent after that.
 */
export function askHowItWent(context: ReplyContext): string | null {
  const over = context.eventsOver;
  if (!over || over.length === 0 || readMessage(context.personMessage).kind !== "greeting") return null;
  const spoken = context.recentMessages.filter((m) => m.author === "agent").map((m) => m.text);
  const greetedSince = (at: string) =>
    context.recentMessages.some(
      (m) => m.author === "person" && m.at >= at && readMessage(m.text).kind === "greeting",
    );
  for (const event of [...over].sort((a, b) => b.overAt.localeCompare(a.overAt))) {
    if (greetedSince(event.overAt)) continue;
    const asked = howItWentQuestion(event.text, personNames(context));
    if (asked && !spoken.some((text) => text.includes(asked))) return asked;
  }
  return null;
}

/** "Sam has a job interview on friday" → "How did the job interview go?"; null when it names no event. */
export function howItWentQuestion(told: string, names: PersonNames): string | null {
  return questionFor(readMemory({ text: told, score: 1 }, names).spoken);
}

function questionFor(spoken: string): string | null {
  const place = PLACE.exec(spoken);
  if (place && !/\bmoving\b/i.test(place[0])) return `How was ${place[1]}?`;
  for (const [pattern, ask] of ASKS) {
    const found = pattern.exec(spoken);
    if (found) return ask(found);
  }
  return null;
}

/** The reply with how it went asked in place of its closing question, when there is one to ask. */
export function withHowItWentAsked(reply: string, context: ReplyContext): string {
  const asked = askHowItWent(context);
  if (!asked) return reply;
  const kept = reply
    .replace(/\s*[^.!?]*\?(?:\s|\p{Extended_Pictographic}|\uFE0F)*$/u, "")
    // An emoji that closed the remark before the question would stand before the question asked.
    .replace(/(?:\s|\p{Extended_Pictographic}|\uFE0F)+$/u, "");
  // A hello that was all one question ("Hi Mia, how are you?") still says hello.
  if (kept.trim()) return `${kept} ${asked}`;
  const name = (context.calledName || context.personName).trim().split(/\s+/)[0];
  return `${name ? `Hey ${name}` : "Hey"}, good to see you! ${asked}`;
}
