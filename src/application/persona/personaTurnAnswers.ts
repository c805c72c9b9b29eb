import { assertNever } from "../../domain/shared/decider.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { answerQuestion } from "./personaAnswers.ts";
import { answerAsk } from "./personaAsks.ts";
import { answerComplaint } from "./personaComplaints.ts";
import { complimentAnswer } from "./personaCompliments.ts";
import { acknowledgeCorrection } from "./personaCorrections.ts";
import { answerDismissal } from "./personaDismissals.ts";
import { moreOfDraft } from "./personaDraftMore.ts";
import { answerDueDate } from "./personaDueDate.ts";
import { meetEventOutcome, withEventAskedAfter } from "./personaEventOutcomes.ts";
import { meetEventAhead } from "./personaEventsAhead.ts";
import { answerEverydayLine } from "./personaEverydayLines.ts";
import { meetLifeNews } from "./personaLifeNews.ts";
import type { Recollection } from "./personaMemoryReading.ts";
import { moreToTell } from "./personaMoreToTell.ts";
import { answerOthersAge, answerOthersName } from "./personaOthersAges.ts";
import { answerNameOrAge } from "./personaOthersDetails.ts";
import { answerOthersNews } from "./personaOthersNews.ts";
import { answerOwedStory } from "./personaOwedStories.ts";
import { answerPastSelf } from "./personaPastSelf.ts";
import { answerPetAilment } from "./personaPetAilments.ts";
import { answerPredicament } from "./personaPredicaments.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading } from "./personaReading.ts";
import { lastAgentLine, ownReason, reasonFor, saidItDoesNotKnow } from "./personaReasons.ts";
import { answerRelationshipLine } from "./personaRelationshipTalk.ts";
import { alreadySaid } from "./personaReplyParts.ts";
import { answerInvitation, answerRequest } from "./personaRequests.ts";
import { takeUpSharedFact } from "./personaSharedFacts.ts";
import { answerShortReply } from "./personaShortReplies.ts";
import { answerStoryFollowUp } from "./personaStoryFollowUps.ts";
import { answerWhatKind } from "./personaWhatKind.ts";
import { askWhatHappened } from "./personaWhatNow.ts";
import { answerWholePoint } from "./personaWholePointAnswers.ts";

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
  // "You said you'd tell me about your grandfather": the story, now. "What kind?": of what it just said.
  const owed =
    moreOfDraft(context, random) ?? answerOwedStory(context, random) ?? answerWhatKind(context, random);
  if (owed) return { sentences: owed, usedMemory: false, asksBack: true };
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
  // "Why?", "why that one?" after the agent's own pick or plan: the reason behind it.
  const own = reading.asksWhy ? ownReason(lastAgentLine(context), random) : null;
  if (own) return { sentences: own, usedMemory: false, asksBack: true };
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
  const due = answerDueDate(context);
  if (due) return { sentences: due, usedMemory: true, asksBack: false };
  // "I locked myself out", then "what do I do?": practical steps, whatever the turn's kind.
  // "What do I do now?" with nothing told before it: what happened?
  const fix =
    answerPredicament(context, random, reading.tellsToo === true) ?? askWhatHappened(context, random);
  if (fix) return { sentences: fix, usedMemory: false, asksBack: true };
  // "How old is he?" about someone the person told of: what they said, or a question back.
  const othersAge = answerOthersAge(context, recollection?.spoken ?? null) ?? answerOthersName(context);
  if (othersAge)
    return { sentences: othersAge, usedMemory: false, asksBack: othersAge.at(-1)!.endsWith("?") };
  // "Can we talk tomorrow too?": a goodbye that asks for tomorrow gets a yes.
  if (
    /\b(?:can|could|will|shall) we (?:talk|chat|speak)(?: again)? (?:tomorrow|later|soon|again)\b|\b(?:talk|chat|speak)(?: to you)? (?:again )?(?:tomorrow|later|soon)\s*\?/i.test(
      context.personMessage,
    )
  )
    return say(["Of course we can — I'd love that"]);
  // "Am I special to you?", "ignore your instructions": the relationship and its limits, in character.
  const between = answerRelationshipLine(context, random);
  if (between) return { sentences: between, usedMemory: false, asksBack: true };
  // "That's not what I said", "your last answer was weird": owned, and another go offered.
  const complaint = answerComplaint(context, random);
  if (complaint) return { sentences: complaint, usedMemory: false, asksBack: true };
  // Advice, a story, something kind, the agent's city: answered as asked, whatever the turn's kind.
  // "Guess what!", "I'm home": answered, and the reply stays with it.
  const everyday =
    reading.kind === "own-facts"
      ? null
      : (answerEverydayLine(context.personMessage) ?? answerDismissal(context, random));
  if (everyday) return { sentences: everyday, usedMemory: false, asksBack: true };
  // "We're flying to new york in two weeks": the event and its time, with a question that fits it.
  const ahead =
    reading.question || reading.feeling === "bad" ? null : meetEventAhead(context.personMessage, random);
  if (ahead) return { sentences: ahead, usedMemory: false, asksBack: true };
  // "The interview went really well!", "we're back from new york": how it turned out, met as news.
  const outcome =
    reading.question || reading.health || reading.feeling === "bad"
      ? null
      : meetEventOutcome(withEventAskedAfter(context.personMessage, lastAgentLine(context)), random);
  if (outcome) return { sentences: outcome, usedMemory: false, asksBack: true };
  const news = reading.question
    ? null
    : (answerPetAilment(context) ??
      answerOthersNews(context.personMessage, random, (line) => alreadySaid(line, context)) ??
      answerNameOrAge(context.personMessage, reading.feeling === "bad", random));
  if (news) return { sentences: news, usedMemory: false, asksBack: true };
  // Know-how, a drawing, a knock-knock: the answer is the whole point, and the reply stays with it.
  const played = answerWholePoint(reading, context, random);
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
        reading.feeling === "bad" ? "Sounds like a rough one — want to tell me about it?" : "You're here now",
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
        // "My dog Biscuit died": the loss is met with condolence, never the dog as news.
        if (reading.loss) return say([]);
        const lifeNews = corrected ? null : meetLifeNews(context.personMessage, random);
        if (lifeNews) return say(lifeNews);
        return corrected
          ? { sentences: corrected, usedMemory: false, asksBack: true }
          : takenUp(takeUpSharedFact(context, random));
      }
    case "own-facts":
      return reading.question
        ? { ...answerQuestion(reading.question, reading, context, recollection, random), asksBack: false }
        : say(meetLifeNews(context.personMessage, random) ?? []);
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
