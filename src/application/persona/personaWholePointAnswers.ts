import type { ReplyContext } from "../prompt/replyContext.ts";
import { answerBeginner } from "./personaBeginners.ts";
import { answerDayPart } from "./personaDayParts.ts";
import { answerFollowOn, answerHowItIsGoing } from "./personaFollowOnQuestions.ts";
import { answerGiftIdea } from "./personaGiftIdeas.ts";
import { answerHindsight } from "./personaHindsight.ts";
import { answerKnowHow } from "./personaKnowHow.ts";
import { answerNameOpinion } from "./personaNameOpinions.ts";
import { answerOwnAge, answerPressedForAge } from "./personaOwnAge.ts";
import { answerPlayfulAsk } from "./personaPlayfulAsks.ts";
import type { SeededRandom } from "./personaRandom.ts";
import type { MessageReading } from "./personaReading.ts";
import { answerTradeAsk } from "./personaTradeAsks.ts";
import { answerTradePart } from "./personaTradeParts.ts";
import { answerTripTip } from "./personaTripTips.ts";
import { answerWritingOrIdea } from "./personaWritingHelp.ts";

/**
 * Know-how, a drawing, a knock-knock, its own age, the hardest part of its work: questions whose
 * answer is the whole point of the reply. Null when the message asks none of them (or tells facts
 * of the person's own).
 */
export function answerWholePoint(
  reading: MessageReading,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  if (reading.kind === "own-facts") return null;
  return (
    answerBeginner(context, random) ??
    answerPlayfulAsk(context.personMessage, context, random) ??
    answerTradeAsk(context, random) ??
    answerTradePart(context, random) ??
    answerDayPart(context, random) ??
    answerOwnAge(context.personMessage, context, random) ??
    answerPressedForAge(context, random) ??
    answerHindsight(context) ??
    answerNameOpinion(context, random) ??
    answerGiftIdea(context, random) ??
    answerKnowHow(context.personMessage, context, random) ??
    answerWritingOrIdea(context.personMessage, context, random) ??
    answerTripTip(context) ??
    answerFollowOn(context) ??
    (reading.question === "general" ? answerHowItIsGoing(context, random) : null)
  );
}
