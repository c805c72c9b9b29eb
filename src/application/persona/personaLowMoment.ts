import type { ReplyContext } from "../prompt/replyContext.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";

/** How many of the person's plain statements a low moment carries over. */
const CARRIED_TURNS = 3;

/**
 * "My dog is sick." "The vet said it might be his kidneys." "He's 12.": what the person goes on
 * to tell after something hard is part of the same low moment, met with care rather than a
 * shrug, until they ask something, laugh, or say how they feel.
 */
export function readingInLowMoment(context: ReplyContext, reading: MessageReading): MessageReading {
  if (!isPlainStatement(reading)) return reading;
  const earlier = context.recentMessages
    .filter((m) => m.author === "person" && !m.superseded)
    .slice(-CARRIED_TURNS);
  for (const message of earlier.reverse()) {
    const before = readMessage(message.text);
    if (before.feeling === "bad" && !before.laughs) return { ...reading, kind: "feeling", feeling: "bad" };
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
