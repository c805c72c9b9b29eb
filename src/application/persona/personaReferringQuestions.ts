import type { ReplyContext } from "../prompt/replyContext.ts";
import { askedOf, askedOfOther, TIMES } from "./personaAskedOfOther.ts";
import { asksMoreOfDraft } from "./personaDraftMore.ts";
import { asksForMore } from "./personaMoreToTell.ts";
import { readMessage } from "./personaReading.ts";
import { followsStory } from "./personaStoryFollowUps.ts";
import { asksWhyOfLast, asksWithoutMark } from "./personaWhyAsks.ts";

/** "What about you?", "and you?", "hbu": the last thing talked about, asked of the agent. */
const askedBack =
  /^\s*(?:(?:and|so|ok|okay|well)[,!]?\s+)?(?:(?:what|how) about|and) (?:you|yourself)\s*[?!.]*\s*$|^\s*you\s*\?\s*$/i;

export interface ReferredTurn {
  /** The message as what it refers to: "what about you?" after "I went hiking" is "what did you do?". */
  context: ReplyContext;
  /** The person asked for more of what the agent said: the reply must not say it again. */
  wantsMore: boolean;
  /** "Tell me more", "and then?": the reply tells something new, not only the answer's rest. */
  goesOn?: boolean;
  /** "Why?": the reply gives a reason, not the answer's rest said again. */
  asksWhy?: boolean;
}

/**
 * A turn that only makes sense against the one before it, read as the question it stands for:
 * the agent's own question turned back on it, the last question asked of a new subject or time,
 * or the last question asked again for more.
 */
export function referredTurn(context: ReplyContext, depth = 0): ReferredTurn {
  const said = context.personMessage;
  const stands = (personMessage: string | null, wantsMore = false): ReferredTurn =>
    personMessage ? { context: { ...context, personMessage }, wantsMore } : { context, wantsMore: false };
  if (depth > 2) return stands(null);
  const lastAgent = [...context.recentMessages].reverse().find((m) => m.author === "agent")?.text ?? "";
  // "What happened next?" after the agent told of its own life asks about that story; "more?" after
  // a draft it wrote, for more of the draft.
  if (followsStory(context) || asksMoreOfDraft(said, lastAgent)) return stands(null);
  // The person's last few messages, newest first, each read as what it stood for.
  const earlier = () =>
    context.recentMessages
      .flatMap((m, i) => (m.author === "person" ? [i] : []))
      .slice(-3)
      .reverse()
      .map(
        (i) =>
          referredTurn(
            {
              ...context,
              personMessage: context.recentMessages[i]!.text,
              recentMessages: context.recentMessages.slice(0, i),
            },
            depth + 1,
          ).context.personMessage,
      );
  const lastQuestion = () => earlier().find(isQuestion) ?? null;
  // "I had a long day. How was yours?": "yours" is the agent's own of what was just named.
  if (/\byours\b/i.test(said)) {
    const before =
      said
        .split(/(?<=[.!?])\s+/)
        .slice(0, -1)
        .join(" ") ||
      (earlier()[0] ?? "");
    const named = lastNamed(before);
    if (named) return stands(said.replace(/\byours\b/i, `your ${named}`));
  }
  if (askedBack.test(said)) {
    // What the person just told ("I went hiking") is asked back before the agent's own question
    // about it ("How was it?"), which reads as nothing asked of the agent.
    const told = earlier().map(questionFor);
    return stands(
      told.find((found) => found?.sure)?.question ??
        questionAskedIn(lastAgent) ??
        likeliestQuestion(told) ??
        "how are you?",
    );
  }
  // "Why?" to an answer asks for the reasons behind it, even when the answer ended on a question
  // of the agent's ("…How's your evening?"); after the agent only asked, it asks why it asked.
  const lastPerson = [...context.recentMessages].reverse().find((m) => m.author === "person")?.text ?? "";
  const why =
    asksWhyOfLast(said) &&
    (isQuestion(lastPerson) || asksWithoutMark(lastPerson) || !lastAgent.trim().endsWith("?"));
  // "And then my bus was late" tells something; "and then?" asks for it.
  if (asksForMore.test(said) && !/\b(?:my|I|I'm|we|he|she|they)\b/i.test(said))
    return { ...stands(lastQuestion(), true), wantsMore: true, goesOn: true };
  if (asksForMore.test(said)) return stands(lastQuestion(), true);
  if (why) {
    const asked = asksWithoutMark(lastPerson) ? `${lastPerson}?` : lastQuestion();
    return asked ? { ...stands(asked, true), asksWhy: true } : { ...stands(null), asksWhy: true };
  }
  const elliptic = ellipticLead(said, earlier()[0] ?? null);
  if (elliptic) return stands(elliptic);
  const otherAsked = askedOfOther.exec(said);
  const other = otherAsked?.[1] ?? otherAsked?.[2];
  const last = earlier()[0];
  if (
    other &&
    !/^(?:you|yourself|it|that|this)$/i.test(other) &&
    last &&
    (isQuestion(last) || asksWithoutMark(last))
  )
    return stands(askedOf(last, other));
  return stands(null);
}

/**
 * "And tomorrow? Are you working?" → "are you working tomorrow?"; "and my daughter? she's 3…" →
 * "my daughter is 3…"; "which team?" after "do you like football?" → "what's your favourite team?":
 * a few words that lean on what comes after them or on the question before, read as one message.
 */
function ellipticLead(said: string, before: string | null): string | null {
  // "What about you, do you still play?": the question after the turn-around is the one asked.
  const turned =
    /^\s*(?:(?:and|so|ok|okay)[,!]?\s+)?(?:what|how) about (?:you|u)\s*[,?!.]\s*(\S.{5,})$/i.exec(said)?.[1];
  if (turned?.includes("?")) return turned;
  const lead = /^\s*(?:and|but|what about|how about)\s+([^?]{2,30})\?\s*(\S.*)$/is.exec(said);
  if (lead) {
    const what = lead[1] ?? "";
    const rest = lead[2] ?? "";
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
function lastNamed(text: string): string | null {
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

function likeliestQuestion(found: readonly ({ question: string; sure: boolean } | null)[]): string | null {
  return (found.find((f) => f?.sure) ?? found.find((f) => f !== null))?.question ?? null;
}

function isQuestion(text: string): boolean {
  const reading = readMessage(text);
  return text.includes("?") && reading.question !== null && reading.short === null;
}

/** The agent's last question to the person ("How's your morning going?"), which reads the same asked of it. */
function questionAskedIn(text: string): string | null {
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
function questionFor(statement: string): { question: string; sure: boolean } | null {
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
