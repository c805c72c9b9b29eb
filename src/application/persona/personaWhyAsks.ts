import { readMessage } from "./personaReading.ts";
import { shortReplyOf } from "./personaShortReplies.ts";

/** "Why that one?", "hmm why him", "haha why's that": the reason for the last answer. */
const whyThat =
  /^\s*(?:(?:hmm+|ok|okay|oh|and|but|so|ha(?:ha)+|lol|really)[,!]?\s+)*(?:why (?:that|this|him|her|them|that one|this one|so|is that|do you say that)|why'?s that)(?: then| though| tho)?\s*[?!.]*\s*$/i;

/** A bare "why?" or "how come?", or a why pointed at what was just said. */
export function asksWhyOfLast(said: string): boolean {
  return shortReplyOf(said) === "why" || whyThat.test(said);
}

/** "whats your favourite city": a question to the agent typed without its question mark. */
export function asksWithoutMark(text: string): boolean {
  if (!/^\s*(?:what(?:'?s)?|where|who|how|which|when)\b[^.!?]*\b(?:you|your|ur|u)\b[^?]*$/i.test(text))
    return false;
  const reading = readMessage(`${text}?`);
  return reading.question !== null && reading.short === null;
}
