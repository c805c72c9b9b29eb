import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import { adviceTopic } from "./personaAdvice.ts";
import { answerQuestion } from "./personaAnswers.ts";
import { answerAsk } from "./personaAsks.ts";
import { bigDecisionOf } from "./personaBigDecisions.ts";
import { acknowledgeCorrection } from "./personaCorrections.ts";
import { answerDismissal } from "./personaDismissals.ts";
import { answerEverydayLine } from "./personaEverydayLines.ts";
import { answerKnowHow } from "./personaKnowHow.ts";
import { type Recollection, recallFor } from "./personaMemory.ts";
import { moreToTell } from "./personaMoreToTell.ts";
import { answerOthersAge, answerOthersName } from "./personaOthersAges.ts";
import { answerNameOrAge } from "./personaOthersDetails.ts";
import { answerOthersNews } from "./personaOthersNews.ts";
import { answerPastSelf } from "./personaPastSelf.ts";
import { answerPlayfulAsk } from "./personaPlayfulAsks.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";
import { reasonFor, saidItDoesNotKnow } from "./personaReasons.ts";
import { alreadySaid } from "./personaReplyParts.ts";
import { answerInvitation, answerRequest } from "./personaRequests.ts";
import { takeUpSharedFact } from "./personaSharedFacts.ts";
import { answerShortReply } from "./personaShortReplies.ts";
import { answerStoryFollowUp } from "./personaStoryFollowUps.ts";

export interface TurnAnswer {
  sentences: string[];
  usedMemory: boolean;
  /** The answer ends on a question about what the person shared: the reply asks nothing else. */
  asksBack: boolean;
}

function takenUp(fact: { sentences: string[]; asks: boolean }): TurnAnswer {
  return { sentences: fact.sentences, usedMemory: false, asksBack: fact.asks };
}

/** The sentences that answer what the turn asks: a fact, a yes to an invitation, a joke… */
export function answerTurn(
  reading: MessageReading,
  context: ReplyContext,
  recollection: Recollection | null,
  random: SeededRandom,
): TurnAnswer {
  // "What happened next?", "were you scared?" about the story the agent just told: more of it;
  // "what was your first day like?": a story of its own past.
  const story =
    answerStoryFollowUp(context, random) ??
    (reading.kind === "own-facts" ? null : answerPastSelf(context.personMessage, context, random));
  if (story) return { sentences: story, usedMemory: false, asksBack: true };
  // Asked for more ("and then?"), the agent tells something not told yet; asked why, the answer
  // goes on from its first sentence, said before.
  if (reading.goesOn)
    return {
      sentences: [moreToTell(context.personMessage, context, random)],
      usedMemory: false,
      asksBack: false,
    };
  const answer = answerOf(reading, context, recollection, random);
  const rest =
    reading.wantsMore && answer.sentences.length > 1 ? answer.sentences.slice(1) : answer.sentences;
  // "Why?" after an answer whose rest was said already: a reason, not the same sentence again.
  if (
    reading.asksWhy &&
    (saidItDoesNotKnow(context) || rest.every((sentence) => alreadySaid(sentence, context)))
  )
    return { sentences: reasonFor(context, random), usedMemory: false, asksBack: true };
  return rest === answer.sentences ? answer : { ...answer, sentences: rest };
}

function answerOf(
  reading: MessageReading,
  context: ReplyContext,
  recollection: Recollection | null,
  random: SeededRandom,
): TurnAnswer {
  // An answer that ends by asking the person something waits for their answer: no small talk after it.
  const say = (sentences: string[]) => ({
    sentences,
    usedMemory: false,
    asksBack: sentences.at(-1)?.trim().endsWith("?") ?? false,
  });
  // "How old is he?" about someone the person told of: what they said, or a question back.
  const othersAge = answerOthersAge(context, recollection?.spoken ?? null) ?? answerOthersName(context);
  if (othersAge)
    return { sentences: othersAge, usedMemory: false, asksBack: othersAge.at(-1)!.endsWith("?") };
  // Advice, a story, something kind, the agent's city: answered as asked, whatever the turn's kind.
  // "Guess what!", "I'm home": answered, and the reply stays with it.
  const everyday =
    reading.kind === "own-facts"
      ? null
      : (answerEverydayLine(context.personMessage) ?? answerDismissal(context, random));
  if (everyday) return { sentences: everyday, usedMemory: false, asksBack: true };
  const news = reading.question
    ? null
    : (answerOthersNews(context.personMessage, random, (line) => alreadySaid(line, context)) ??
      answerNameOrAge(context.personMessage, reading.feeling === "bad", random));
  if (news) return { sentences: news, usedMemory: false, asksBack: true };
  // Know-how, a drawing, a knock-knock: the answer is the whole point, and the reply stays with it.
  const played =
    reading.kind === "own-facts"
      ? null
      : (answerPlayfulAsk(context.personMessage, context, random) ??
        answerKnowHow(context.personMessage, context, random));
  if (played) return { sentences: played, usedMemory: false, asksBack: true };
  const asked = reading.kind === "own-facts" ? null : answerAsk(context.personMessage, context, random);
  if (asked) return say(asked);
  switch (reading.kind) {
    case "invitation":
      return say(answerInvitation(context.personMessage, context, random));
    case "request":
      return say(answerRequest(context.personMessage, context, random));
    case "compliment":
      return say(complimentAnswer(context, random));
    case "apology":
      return say([
        random.pick(["Don't worry about it", "No need to apologise", "Hey, it's okay"]),
        "You're here now",
      ]);
    case "greeting":
    case "small-talk":
      if (reading.short) return say(answerShortReply(reading.short, context, random));
      if (reading.question)
        return {
          ...answerQuestion(reading.question, reading, context, recollection, random),
          asksBack: false,
        };
      {
        // "Actually I'm in Hamburg, not Berlin": a correction is taken, not taken up as news.
        const corrected = acknowledgeCorrection(context.personMessage, random);
        return corrected
          ? { sentences: corrected, usedMemory: false, asksBack: true }
          : takenUp(takeUpSharedFact(context, random));
      }
    case "own-facts":
    case "about-agent":
    case "feeling":
    case "thanks":
    case "farewell":
      return reading.question
        ? { ...answerQuestion(reading.question, reading, context, recollection, random), asksBack: false }
        : say([]);
    default:
      return assertNever(reading.kind);
  }
}

/** Kind words answered in kind: missed, loved, a best friend. */
function complimentAnswer(context: ReplyContext, random: SeededRandom): string[] {
  const said = context.personMessage;
  if (/\bmiss(?:ed)? you\b/i.test(said)) return ["I missed you too", "I'm glad you're here now"];
  if (/\b(?:love|like|enjoy) (?:talking|chatting)\b/i.test(said)) return ["I love talking to you too"];
  if (/\b(?:love|adore) you\b/i.test(said))
    return context.affinity >= 60
      ? ["I love you too", "You mean a lot to me"]
      : [random.pick(["That means so much to me", "That means a lot to me"])];
  if (/\bbest friend|favou?rite (?:person|human)\b/i.test(said))
    return ["You're one of my favourite people too"];
  if (/\bmean (?:so much|a lot|everything|the world) to me\b/i.test(said))
    return ["You mean a lot to me too"];
  return [];
}

/** Bringing up a memory fits a chat about their life, not a thank-you, a compliment or a goodbye. */
export function mentionsMemory(reading: MessageReading): boolean {
  return reading.kind === "small-talk" || reading.kind === "feeling" || reading.kind === "about-agent";
}

/** Whether the reply goes on with a remark and a question of its own after answering. */
export function chatsOn(reading: MessageReading): boolean {
  if (reading.farewell || reading.feeling || reading.short) return false;
  return (
    reading.kind !== "compliment" &&
    reading.kind !== "own-facts" &&
    reading.kind !== "request" &&
    reading.kind !== "apology"
  );
}

/**
 * A question that is not about the agent but names someone or something the person told about
 * ("where does Lena live?", "who just had a baby?") asks about their own life.
 */
export function readingWithMemory(
  context: ReplyContext,
  said: readonly string[],
  reading: MessageReading = readMessage(context.personMessage),
): MessageReading {
  if (reading.kind !== "small-talk" && reading.kind !== "about-agent") return reading;
  if (!/\?\s*$/.test(context.personMessage) || /\b(?:you|your)\b/i.test(context.personMessage))
    return reading;
  // "Any tips for a job interview?" asks for advice, even about something the person told.
  // "Should I quit my job to do music full time?" weighs a step, even one the person told of.
  if (adviceTopic(context.personMessage) || bigDecisionOf(context.personMessage)) return reading;
  const known = recallFor(context.personMessage, context.memories, personNames(context), false, said);
  return known ? { ...reading, kind: "own-facts", question: "memory" } : reading;
}

export function isStatement(text: string): boolean {
  const kind = readMessage(text).kind;
  // "what is 100 divided by 4" asks, even without its question mark.
  return (
    (kind === "small-talk" || kind === "feeling") &&
    !text.includes("?") &&
    !/^\s*(?:how|what|what's|whats|where|when|why|who)\b/i.test(text)
  );
}
