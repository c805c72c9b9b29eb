import type { ReplyContext } from "../prompt/replyContext.ts";
import { isAilment } from "./personaBodilyStates.ts";
import { namesSomeone } from "./personaOthersDetails.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";

/** How many of the person's plain statements a low moment carries over. */
const CARRIED_TURNS = 3;

/**
 * "My dog is sick." "The vet said it might be his kidneys." "He's 12.": what the person goes on
 * to tell after something hard is part of the same low moment, met with care rather than a
 * shrug, until they ask something, laugh, or say how they feel. Being tired, hungry, cold or
 * bored is a passing state, not a low moment.
 */
export function readingInLowMoment(context: ReplyContext, reading: MessageReading): MessageReading {
  // "His name is Léo" tells who, not more of what was hard.
  if (!isPlainStatement(reading) || namesSomeone(context.personMessage)) return reading;
  const earlier = context.recentMessages
    .filter((m) => m.author === "person" && !m.superseded)
    .slice(-CARRIED_TURNS);
  for (const message of earlier.reverse()) {
    const before = readMessage(message.text);
    // Tiredness, hunger or boredom is met once; it does not colour what is told next.
    const passing = before.bodily !== null && !isAilment(before.bodily);
    if (before.feeling === "bad" && !before.laughs && !passing)
      return { ...reading, kind: "feeling", feeling: "bad" };
    if (!isPlainStatement(before)) return reading;
  }
  return reading;
}

function isPlainStatement(reading: MessageReading): boolean {
  return (
    reading.kind === "small-talk" &&
    reading.question === null &&
    reading.feeling === null &&
    !reading.laughs &&
    !reading.farewell &&
    !reading.greeting
  );
}
