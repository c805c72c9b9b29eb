import { readMessage } from "./personaReading.ts";

const askingStart =
  /^(?:(?:and|also|so|oh|but|hi|hey|hello|hiya|yo)[,!]?\s+)?(?:how|what|what's|where|when|why|who|which|do|does|did|are|is|can|could|will|would|have)\b/i;
/** "…and do you like it there?": a second question joined to the first by "and". */
const joinedQuestion =
  /,?\s+(?:and|also|plus)\s+((?:do|did|are|were|have|can|would|will|what|where|how|why|when|which)\b[^?.!]*\??)\s*$/i;
/** "…and what's the plan for today?" asks of the agent without a "you", by what it asks about. */
const ofTheAgent = (question: string) =>
  /\b(?:you|u|your)\b/i.test(question) || /^(?:plans|time|day)$/.test(readMessage(question).question ?? "");

/**
 * The two questions of a message that asks two things ("How are you? What are you doing tonight?",
 * "where do you live and do you like it there?"), when they ask different things; null for a
 * message that asks one thing.
 */
export function twoQuestionsOf(text: string): [string, string] | null {
  // "What's your job? Do you like it?": whether it likes "it" is what the first answer goes on to say;
  // "…and would you ever change it?" asks something of its own.
  if (
    /(?:\b(?:like|love|enjoy|hate|mind)\s+(?:it|that)|\b(?:is|was|isn't) (?:it|that)\b[^?.!]*)\s*\?\s*$/i.test(
      text,
    ) &&
    !/\bthere\s*\?\s*$/i.test(text)
  )
    return null;
  const sentences = text.match(/[^?.!]+[?]/g)?.map((s) => s.trim()) ?? [];
  const questions = sentences.filter((s) => askingStart.test(s));
  let [first, second] = questions;
  if (!first || !second) {
    const joined = joinedQuestion.exec(text);
    if (!joined || !ofTheAgent(joined[1]!)) return null;
    first = text.slice(0, joined.index);
    second = joined[1]!;
  }
  // "Do you like music? What kind?": a question too short to name its own subject goes on from the first.
  if (second.split(/\s+/).length <= 3 && !/\b(?:you|u|your|ur)\b/i.test(second)) return null;
  const asked = readMessage(second).question;
  return asked && asked !== readMessage(first).question ? [first, second] : null;
}
