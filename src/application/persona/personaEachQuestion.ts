import type { ReplyContext } from "../prompt/replyContext.ts";
import type { Recollection } from "./personaMemoryReading.ts";
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
  /** What is remembered for one question on its own, for a message asking two things of memory. */
  recall?: (question: string) => Recollection | null,
): EachQuestionAnswered {
  const memoryQuestions =
    recall && reading.kind === "own-facts" ? twoMemoryQuestions(context.personMessage) : null;
  if (memoryQuestions) return answerEachFromMemory(context, reading, memoryQuestions, recall!, random);
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

/** "What is my pet called? And what is my job?": two questions about the person's own life. */
function twoMemoryQuestions(text: string): [string, string] | null {
  const questions = (text.match(/[^?.!]+\?/g) ?? [])
    .map((q) => q.trim())
    .filter((q) => asksOfOwnLife.test(q));
  return questions.length >= 2 ? [questions[0]!, questions[1]!] : null;
}

const asksOfOwnLife = /\b(?:what|who|where|when|how|which|do you (?:remember|know))\b[^?]*\b(?:my|i)\b/i;

/** Each question is answered from what is remembered for it alone, in the order asked. */
function answerEachFromMemory(
  context: ReplyContext,
  reading: MessageReading,
  [first, second]: [string, string],
  recall: (question: string) => Recollection | null,
  random: SeededRandom,
): EachQuestionAnswered {
  const answer = answerTurn(reading, { ...context, personMessage: first }, recall(first), random);
  const text = answerTurn(reading, { ...context, personMessage: second }, recall(second), random)
    .sentences[0];
  const other = text && !answer.sentences.includes(text) ? { text, first: false } : null;
  return { answer: { ...answer, sentences: answer.sentences.slice(0, 1) }, other };
}
