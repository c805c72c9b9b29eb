import { asTime, TIMES } from "./personaAskedOfOther.ts";
import { readMessage } from "./personaReading.ts";

/**
 * The forms a question takes in a conversation, for reading a turn that leans on the one before:
 * one implied by a statement, one asked in passing, a few words that lean on what follows them.
 */

/**
 * "And tomorrow? Are you working?" → "are you working tomorrow?"; "and my daughter? she's 3…" →
 * "my daughter is 3…"; "which team?" after "do you like football?" → "what's your favourite team?":
 * a few words that lean on what comes after them or on the question before, read as one message.
 */
export function ellipticLead(said: string, before: string | null): string | null {
  // "What about you, do you still play?": the question after the turn-around is the one asked.
  const turned =
    /^\s*(?:(?:and|so|ok|okay)[,!]?\s+)?(?:what|how) about (?:you|u)\s*[,?!.]\s*(\S.{5,})$/i.exec(said)?.[1];
  if (turned?.includes("?")) return turned;
  // "What about the weekend, are you working?" leans the same way, with a comma.
  const lead = /^\s*(?:and|but|what about|how about)\s+([^?,]{2,30})[?,]\s*(\S.*)$/is.exec(said);
  if (lead) {
    const what = lead[1] ?? "";
    const rest = lead[2] ?? "";
    const bare = asTime(what);
    if (bare && !TIMES.test(what) && /\?\s*$/.test(rest) && !TIMES.test(rest))
      return `${rest.replace(/\s*\?\s*$/, "")} ${bare}?`;
    const time = TIMES.exec(what)?.[0];
    if (time && what.trim().toLowerCase() === time.toLowerCase() && /\?\s*$/.test(rest) && !TIMES.test(rest))
      return `${rest.replace(/\s*\?\s*$/, "")} ${time.toLowerCase()}?`;
    const who = /^(?:my|our) [\p{L}' ]{2,25}$/iu.exec(what.trim())?.[0];
    const told = who && /^(?:he|she|they)(?:'s|'re| is| are)?\s+(\S[^?]*)$/i.exec(rest.trim());
    if (who && told) {
      const verb = /^(?:he|she|they)('s|'re| is| are)/i.exec(rest.trim())?.[1];
      return `${who} ${verb ? (/re|are/.test(verb) ? "are " : "is ") : ""}${told[1]}`;
    }
  }
  const which = /^\s*(?:and\s+)?(?:which|what) (\p{L}{3,20})\s*\?\s*$/iu.exec(said)?.[1];
  // "What kind?" asks of the thing itself, not for a favourite "kind".
  if (
    which &&
    !/^(?:kind|sort|type)s?$/i.test(which) &&
    before &&
    /^\s*(?:(?:and|so)\s+)?do (?:you|u) (?:like|love|enjoy|play|watch|follow)\b/i.test(before)
  )
    return `what's your favourite ${which.toLowerCase()}?`;
  return null;
}

/** "I had a long day" → "day", "my favourite food is sushi" → "favourite food": the thing last named. */
export function lastNamed(text: string): string | null {
  const words = [...text.matchAll(/\b(?:my|our|a|an|the|this)\s+([\p{L}']+(?:\s+[\p{L}']+)?)/giu)]
    .map((match) => match[1]!.split(/\s+/))
    .map((found) =>
      /^(?:is|was|were|are|has|had|and|but|so)$/i.test(found[1] ?? "") ? found.slice(0, 1) : found,
    )
    .at(-1);
  if (!words) return null;
  // "a long day" names a day; "my favourite food" names a favourite.
  return words.length === 2 && !/^favou?rite$/i.test(words[0]!) ? words[1]! : words.join(" ");
}

export function likeliestQuestion(
  found: readonly ({ question: string; sure: boolean } | null)[],
): string | null {
  return (found.find((f) => f?.sure) ?? found.find((f) => f !== null))?.question ?? null;
}

export function isQuestion(text: string): boolean {
  if (!text.includes("?")) return false;
  const reading = readMessage(text);
  return reading.question !== null && reading.short === null;
}

/** The agent's last question to the person ("How's your morning going?"), which reads the same asked of it. */
export function questionAskedIn(text: string): string | null {
  const question = text
    .match(/[^.!?]*\?/g)
    ?.at(-1)
    ?.trim();
  return question && /\b(?:you|your)\b/i.test(question) ? question : null;
}

/**
 * What the person's statement would ask the agent ("I live in Hamburg" → "where do you live?"),
 * and how surely: a day's mood is asked after only when nothing more telling was said.
 */
export function questionFor(statement: string): { question: string; sure: boolean } | null {
  if (statement.includes("?")) return null;
  const sure = (question: string) => ({ question, sure: true });
  if (/\bI(?:'m| am)? (?:live|living|grew up|from)\b/i.test(statement)) return sure("where do you live?");
  if (/\bI (?:work|am an?|'m an?)\b|\bmy job\b/i.test(statement)) return sure("what do you do for work?");
  if (/\bmy name(?:'s| is)\b|\bI'm called\b/i.test(statement)) return sure("what's your name?");
  const has = /\bI (?:have|'ve got|have got) (?:an? |two |three |some )?([\p{L}]+)/iu.exec(statement)?.[1];
  if (has) return sure(`do you have a ${has}?`);
  const likes = /\bI (?:really )?(?:like|love|enjoy) ([^.!?,]{2,30})/i.exec(statement)?.[1];
  if (likes) return sure(`do you like ${likes}?`);
  const when = TIMES.exec(statement)?.[0];
  if (when && /\b\w+ed\b|\b(?:went|did|had|saw|got|made|ate|met)\b/i.test(statement))
    return sure(`what did you do ${when.toLowerCase()}?`);
  if (readMessage(statement).feeling || /\bday\b/i.test(statement))
    return { question: "how was your day?", sure: false };
  return null;
}
