import { classifyClause, ownedAppointment } from "../memory/factRules.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import { adviceTopic } from "./personaAdvice.ts";
import { bigDecisionOf } from "./personaBigDecisions.ts";
import { recallFor } from "./personaMemory.ts";
import { answerPlansOfADay } from "./personaPlanDays.ts";
import { type MessageReading, readMessage } from "./personaReading.ts";

/** What a turn is read as, and what the reply does beyond answering it. */

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
  // "Who's getting married again?" asks what was told: no cheer at the news again.
  if (reading.kind === "own-facts" && reading.feeling && !reading.tellsToo)
    return { ...reading, feeling: null };
  // "When is Luis getting married?" asks when, whatever gladness its words carry.
  const asksForAPart =
    reading.kind === "feeling" && /^\s*(?:when|who|where|which|what)\b/i.test(context.personMessage);
  if (reading.kind !== "small-talk" && reading.kind !== "about-agent" && !asksForAPart) return reading;
  if (!/\?\s*$/.test(context.personMessage) || /\b(?:you|your)\b/i.test(context.personMessage))
    return reading;
  // "Any tips for a job interview?" asks for advice, even about something the person told.
  // "Should I quit my job to do music full time?" weighs a step, even one the person told of.
  if (adviceTopic(context.personMessage) || bigDecisionOf(context.personMessage)) return reading;
  // "Is it a boy or a girl?" when the person told it is a girl.
  const either = /\b((?:a |an )?[\p{L}'-]+) or ((?:a |an )?[\p{L}'-]+)\s*\?\s*$/iu.exec(
    context.personMessage,
  );
  const toldOne =
    either !== null &&
    [either[1]!, either[2]!].some((option) =>
      [...context.memories.map((m) => m.text), ...said].some((text) =>
        new RegExp(`\\b${option.replace(/[.*+?^${}()|[\]\\]/g, "")}\\b`, "i").test(text),
      ),
    );
  if (toldOne) return { ...reading, kind: "own-facts", question: "memory", feeling: null };
  const known =
    recallFor(context.personMessage, context.memories, personNames(context), false, said) ??
    ownPlanAsked(context, said);
  if (!known) return reading;
  return { ...reading, kind: "own-facts", question: "memory", ...(asksForAPart ? { feeling: null } : {}) };
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

/** "Anything on this afternoon?", "what's on tomorrow?": the same words could ask about the agent's day. */
const asksWhatIsOn =
  /^\s*(?:(?:so|and|ok|okay|hmm)[,.]?\s+)?(?:(?:is there|have I got|got) )?(?:anything on|what(?:'s| is) on)\b(?! (?:tv|telly|the (?:tv|telly|radio|news|menu|box))\b)/i;

/** Such a question asks about the person's own plans when they have told of one. */
function ownPlanAsked(context: ReplyContext, said: readonly string[]) {
  if (!asksWhatIsOn.test(context.personMessage)) return null;
  if (answerPlansOfADay(context)) return true;
  const plans = context.memories.filter((memory) => memory.factKind === "plan");
  const toldPlans = said
    .filter((text) => !text.includes("?") && classifyClause(text) === "plan")
    .map(ownedAppointment);
  return recallFor(context.personMessage, plans, personNames(context), true, toldPlans);
}
