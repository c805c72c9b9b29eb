import { assertNever } from "../../domain/shared/decider.ts";
import { previousTurnAt, resolveFollowUp } from "../memory/followUpStatement.ts";
import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { CRISIS_REPLIES, crisisIn } from "../safety/crisisSupport.ts";
import { personNames } from "./personaAddressing.ts";
import { differentFrom, repliesToAvoid } from "./personaAlternatives.ts";
import { briefReply, sleepyReply } from "./personaAvailabilityReplies.ts";
import { answerEachQuestion } from "./personaEachQuestion.ts";
import { withHowItWentAsked } from "./personaEventsOver.ts";
import { followUpFor } from "./personaFollowUps.ts";
import { replyInConversationLanguage } from "./personaLanguageReplies.ts";
import { readingInLowMoment } from "./personaLowMoment.ts";
import { recallFor } from "./personaMemory.ts";
import { type Recollection, soundsLikeANote } from "./personaMemoryReading.ts";
import { perMessage } from "./personaMessageReadings.ts";
import { type MoodVoice, voiceToward } from "./personaMoods.ts";
import { meetOffHourWish, withFittingWish } from "./personaOffHourWishes.ts";
import { meetOwnHourTold } from "./personaOwnHourTold.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { mentionMemory, reaction } from "./personaReactions.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";
import { referredTurn } from "./personaReferringQuestions.ts";
import {
  alreadySaid,
  askedLately,
  finishSentence,
  type Part,
  repeats,
  smallTalk,
} from "./personaReplyParts.ts";
import { actionAsStatement, actionBack, roleplayIn, withoutEmphasis } from "./personaRoleplay.ts";
import { closingQuestion } from "./personaSmallTalk.ts";
import { applySpeakingStyle } from "./personaStyle.ts";
import { answerThinLine } from "./personaThinLines.ts";
import { chatsOn, isStatement, mentionsMemory, readingWithMemory } from "./personaTurnReadings.ts";
import { withPlainTyping } from "./personaTyping.ts";

/**
 * A reply in the agent's voice, built from the structured context alone; same seed, same reply.
 * It says something other than the replies it stands beside (a regeneration, an edit's answer).
 */
export function composeReply(typed: ReplyContext, seed: number): string {
  // Safety before mood, plans or availability: the engine that writes the reply adds where help is.
  const crisis = crisisIn(typed.personMessage);
  if (crisis) return CRISIS_REPLIES[crisis](typed.personName);
  const offHour = meetOffHourWish(typed) ?? meetOwnHourTold(typed);
  if (offHour) return withHowItWentAsked(offHour, typed);
  const thin = answerThinLine(typed, seed);
  if (thin) return thin;
  // A person who writes in French is answered in French.
  const inTheirLanguage = replyInConversationLanguage(typed, seed);
  if (inTheirLanguage) return withFittingWish(inTheirLanguage, typed);
  return withHowItWentAsked(composeInEnglish(typed, seed), typed);
}

function composeInEnglish(typed: ReplyContext, seed: number): string {
  // "*hugs you*": an action is met with one in the same style; what is said after it is answered.
  const played = roleplayIn(typed.personMessage);
  const back = played && actionBack(played.action);
  if (played?.rest) {
    const reply = composeSpoken({ ...typed, personMessage: played.rest }, seed);
    return back ? `${back.back} ${reply}` : reply;
  }
  if (!back) return composeSpoken({ ...typed, personMessage: withoutEmphasis(typed.personMessage) }, seed);
  const met = `${back.back} ${back.line}.`;
  // A regeneration still says something new.
  return differentFrom(repliesToAvoid(typed, false), seed, (tried) =>
    tried === seed ? met : composeSpoken(typed, tried),
  );
}

function composeSpoken(typed: ReplyContext, seed: number): string {
  const { context, wantsMore, goesOn, asksWhy } = referredTurn(withPlainTyping(typed));
  const read = readMessage(context.personMessage);
  const avoid = repliesToAvoid(context, wantsMore || read.kind === "request");
  return differentFrom(avoid, seed, (tried) =>
    composeOnce(context, tried, { ...read, wantsMore, goesOn, asksWhy }),
  );
}

const statesSomething = perMessage((m) => isStatement(m.text));

function composeOnce(context: ReplyContext, seed: number, read: MessageReading): string {
  const random = seededRandom(seed, context.agent.name, context.personMessage);
  // Facts the person stated in the conversation still in view (not questions or requests, nor
  // what they have since had the agent forget or correct).
  // A follow-up ("It's chemistry") is kept as what it means ("My exam is about chemistry"), and an
  // action ("*hands you a cocoa*") as what the person did ("I handed you a cocoa").
  const said = context.recentMessages.flatMap((m, i) =>
    m.author === "person" && !m.superseded && statesSomething(m)
      ? [
          actionAsStatement(m.text) ??
            resolveFollowUp(m.text, previousTurnAt(context.recentMessages, i)) ??
            m.text,
        ]
      : [],
  );
  const reading = readingInLowMoment(context, readingWithMemory(context, said, read));
  const voice = voiceToward(context.mood.name, reading.feeling === "bad" || reading.loss || reading.health);
  const recollection = recallFor(
    context.personMessage,
    context.memories,
    personNames(context),
    reading.kind === "own-facts",
    reading.kind === "own-facts" ? said : [],
  );
  const mode = context.availability.replyMode;
  let parts: Part[];
  switch (mode) {
    case "sleepy":
      parts = sleepyReply(context, reading, recollection, random);
      break;
    case "brief":
      parts = briefReply(context, reading, recollection, random);
      break;
    case "deferred":
      parts = [
        {
          text: random.pick([
            "Morning! Sorry, I was fast asleep when you wrote",
            "Just woke up and saw this",
          ]),
          priority: 0,
        },
        ...fullReply(context, reading, recollection, voice, random, said),
      ];
      break;
    case "normal":
      parts = fullReply(context, reading, recollection, voice, random, said);
      break;
    default:
      return assertNever(mode);
  }
  // The answer to what was asked stays even when it was said before; remarks around it do not.
  parts = parts.filter(
    (part, index) =>
      (part.priority <= 2 || !alreadySaid(part.text, context)) &&
      !askedLately(part.text, context) &&
      !repeats(part, parts.slice(0, index)) &&
      !soundsLikeANote(part.text),
  );
  if (parts.length === 0)
    parts = [
      { text: random.pick(voice.openers), priority: 0 },
      { text: "Tell me more?", priority: 1 },
    ];
  const limit = Math.max(
    1,
    Math.min(context.availability.maxSentences, voice.energy + (context.affinity >= 40 ? 1 : 0)),
  );
  const chosen = new Set([...parts].sort((a, b) => a.priority - b.priority).slice(0, limit));
  const sentences = parts
    .filter((part) => chosen.has(part))
    .map((part, index) => finishSentence(part.text, voice, index, random));
  return applySpeakingStyle(sentences, context, voice, random);
}

function fullReply(
  context: ReplyContext,
  reading: MessageReading,
  recollection: Recollection | null,
  voice: MoodVoice,
  random: SeededRandom,
  said: readonly string[],
): Part[] {
  const parts: Part[] = [];
  const cool = context.affinity <= -20;
  const opener = reaction(context, reading, voice, random);
  // "Where do you live, and do you like it there?": the second question is answered too.
  const { answer, other } = answerEachQuestion(context, reading, recollection, random, (question) =>
    recallFor(question, context.memories, personNames(context), true, said),
  );
  // "Oh? Oh, a brother!": an opener that sounds like the answer's own first word is left out;
  // "Hey Nora. Nice to meet you, Nora": the name is said once.
  if (opener && interjection(opener) !== interjection(answer.sentences[0] ?? ""))
    parts.push({
      text: withoutRepeatedName(opener, answer.sentences[0] ?? "", addressName(context)),
      priority: 2,
    });
  let memoryUsed = false;
  const answerAt = parts.length;
  // A question about what the person shared is as much the answer as the remark before it.
  for (const [index, text] of answer.sentences.entries())
    parts.push({ text, priority: index === 0 || answer.asksBack ? 1 : 4 });
  if (other) parts.splice(other.first ? answerAt : parts.length, 0, { text: other.text, priority: 1 });
  // Having asked about what the person shared, the reply stays with it.
  if (answer.asksBack) return parts;
  memoryUsed = answer.usedMemory;
  if (recollection && !memoryUsed && mentionsMemory(reading))
    parts.push({ text: mentionMemory(recollection, random), priority: 3 });
  const followUp = followUpFor(context, reading, random);
  const echoesMemory = recollection?.relation && reading.phrase?.includes(recollection.relation);
  if (followUp && !echoesMemory) parts.push({ text: followUp, priority: 3 });
  if (!cool && chatsOn(reading)) {
    // A thank-you is answered, not met with the weather or the agent's day.
    const remark = reading.kind === "thanks" ? null : smallTalk(context, reading, random);
    if (remark) parts.push({ text: remark, priority: 6 });
    if (reading.question !== "general" && reading.question !== "identity")
      parts.push({ text: closingQuestion(context, random, reading.question), priority: 5 });
  }
  return parts;
}

function interjection(text: string): string {
  const word = /^\s*([\p{L}*]+)/u.exec(text)?.[1]?.toLowerCase() ?? "";
  return /^o+h+$|^oo+h$/.test(word) ? "oh" : word;
}

function withoutRepeatedName(opener: string, next: string, name: string): string {
  if (!name || !next.includes(name)) return opener;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const shorter = opener.replace(new RegExp(`,? ${escaped}(?!\\p{L})`, "u"), "");
  return shorter.trim() === "" ? opener : shorter;
}
