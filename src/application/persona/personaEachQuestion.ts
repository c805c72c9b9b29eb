import type { ReplyContext } from "../prompt/replyContext.ts";
import type { Recollection } from "./personaMemory.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";
import { twoQuestionsOf } from "./personaSecondQuestion.ts";
import { answerTurn, type TurnAnswer } from "./personaTurnAnswers.ts";

export interface EachQuestionAnswered {
  /** The answer to what the message as a whole was read as asking, from that question's own words. */
  answer: TurnAnswer;
  /** The first sentence answering the other question, and whether that question came first. */
  other: { text: string; first: boolean } | null;
}

/**
 * "What's your favourite spot and what do you do after?": a message that asks two things gets
 * each answered from its own words, so the words of one do not steer the answer to the other.
 */
export function answerEachQuestion(
  context: ReplyContext,
  reading: MessageReading,
  recollection: Recollection | null,
  random: SeededRandom,
): EachQuestionAnswered {
  const questions = twoQuestionsOf(context.personMessage);
  if (!questions) return { answer: answerTurn(reading, context, recollection, random), other: null };
  const [first, second] = questions;
  // Each question is read once: the one asking what the whole message asks is answered in full.
  const secondReading = readMessage(second);
  const ownIsSecond = secondReading.question === reading.question;
  const firstReading = readMessage(first);
  const [ownText, own, otherText, otherReading] = ownIsSecond
    ? [second, secondReading, first, firstReading]
    : [first, firstReading, second, secondReading];
  const answer = answerTurn(
    { ...reading, topic: own.topic, phrase: own.phrase },
    { ...context, personMessage: ownText },
    recollection,
    random,
  );
  const text = answerTurn(otherReading, { ...context, personMessage: otherText }, null, random).sentences[0];
  const other = text && !answer.sentences.includes(text) ? { text, first: ownIsSecond } : null;
  return { answer, other };
}
