import { addressName } from "../prompt/calledName.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { personNames } from "./personaAddressing.ts";
import type { Answer } from "./personaAnswer.ts";
import { bodilyStateOf } from "./personaBodilyStates.ts";
import { whatWeCovered } from "./personaConversationRecall.ts";
import { type Recollection, readMemory } from "./personaMemoryReading.ts";
import { answerMemorySlot } from "./personaMemorySlots.ts";
import { answerPlansOfADay } from "./personaPlanDays.ts";
import { asksWhatWasSaid } from "./personaTurnKind.ts";
import { asksAllKnown, whatIKnow } from "./personaWhatIKnow.ts";

/** "Do you remember my sister's name?", "what do you know about me?": answered from what the person told. */
export function answerAboutMemory(context: ReplyContext, recollection: Recollection | null): Answer {
  // Their own name is not a fact about their life: it is how the agent knows them.
  if (asksOwnName.test(context.personMessage))
    return {
      sentences: [`You're ${addressName(context)}, of course`, "How could I forget?"],
      usedMemory: false,
    };
  const ailment = ailmentTold(context);
  if (ailment) return { sentences: ailment, usedMemory: true };
  const plans = answerPlansOfADay(context);
  if (plans) return { sentences: plans, usedMemory: true };
  if (asksWhatWasSaid.test(context.personMessage))
    return { sentences: whatWeCovered(context), usedMemory: true };
  return asksAllKnown.test(context.personMessage)
    ? { sentences: whatIKnow(context), usedMemory: true }
    : answerFromMemory(eitherOrAnswered(context) ?? recollection, context.personMessage);
}

/**
 * "Is it a boy or a girl?": the remembered fact that names one of the two, when the one recalled
 * first for the question ("your wife is pregnant") names neither.
 */
function eitherOrAnswered(context: ReplyContext): Recollection | null {
  if (!/\bor\b/i.test(context.personMessage)) return null;
  return (
    context.memories
      .map((memory) => readMemory(memory, personNames(context)))
      .find((known) => answerMemorySlot(context.personMessage, known) !== null) ?? null
  );
}

const asksOwnName = /\b(?:what(?:'s| is) my name|(?:know|remember|forg[eo]t(?:ten)?) my name|who am i)\b/i;

function answerFromMemory(recollection: Recollection | null, question: string): Answer {
  if (!recollection) {
    return {
      sentences: ["Hmm, remind me? I don't want to get it wrong", "Tell me again and I'll hold on to it"],
      usedMemory: false,
    };
  }
  if (recollection.name && recollection.relation) {
    return {
      sentences: [
        `It's ${recollection.name}, of course — your ${recollection.owner ? `${recollection.owner}'s ` : ""}${recollection.relation}`,
        `You told me about ${recollection.name} before`,
      ],
      usedMemory: true,
    };
  }
  const slot = answerMemorySlot(question, recollection);
  if (slot) return { sentences: slot, usedMemory: true };
  return { sentences: [`Of course I remember — ${recollection.spoken}`], usedMemory: true };
}

/** "What did I say hurts?", "what's wrong with me again?": the pain told earlier in the conversation. */
const asksOwnAilment =
  /\bwhat(?: did I (?:say|tell you) (?:hurts?|was (?:wrong|hurting|sore))|(?: is|'s) wrong with me)\b|\bwhere (?:did I say )?(?:it )?hurts?\b/i;

function ailmentTold(context: ReplyContext): string[] | null {
  if (!asksOwnAilment.test(context.personMessage)) return null;
  const told = context.recentMessages.findLast(
    (m) => m.author === "person" && !m.superseded && bodilyStateOf(m.text) === "pain",
  )?.text;
  const part =
    told &&
    /\b(head|tooth|stomach|tummy|back|ear|belly|knee|neck|foot|leg|arm|shoulder|throat)/i.exec(told)?.[1];
  if (!told || !part) return null;
  return [`Your ${part.toLowerCase()} — you said it's been hurting`, "Is it any better?"];
}
