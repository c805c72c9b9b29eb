import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { birthplaceOf } from "./personaLifeAnswers.ts";
import { siblingOf } from "./personaLifeDetails.ts";
import { fixedForAgent, type SeededRandom } from "./personaRandom.ts";

/** "Tell me about your family", "what's your mum like?", "are you close to your parents?". */
const asksFamily =
  /\b(?:about|like|close (?:to|with)|miss|see|visit|call)\s+(?:your|ur)\s+(?:family|folks|parents|mum|mom|mother|dad|father)\b|\byour (?:family|folks|parents) like\b|\bwhat(?:'s| is| are) (?:your|ur) (?:family|folks|parents|mum|mom|mother|dad|father)\b(?! called| named|'s name)/i;

const MUMS = [
  "calls me every Sunday, without fail",
  "still sends me home with too much food",
  "is the calm one, always",
];
const DADS = [
  "still fixes everything himself",
  "tells the same three jokes, and I still laugh",
  "is a terrible cook but won't admit it",
];

/**
 * The agent's family, made up once and kept: parents where it grew up, and the sibling (or none)
 * it names when asked about brothers and sisters. Null when the family is not asked about.
 */
export function answerAboutFamily(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  if (!asksFamily.test(text)) return null;
  const fixed = fixedForAgent(context, "parents");
  const mum = fixed.pick(MUMS);
  const dad = fixed.pick(DADS);
  const grewUp = birthplaceOf(context);
  const where = grewUp ? `back in ${grewUp}` : `across town from me in ${context.identity.homeCity}`;
  const close = /\bclose\b/i.test(text) ? "Very close, yes. " : "";
  if (/\b(?:mum|mom|mother)\b/i.test(text))
    return [`${close}My mum ${mum}`, `She lives ${where}, and I miss her cooking`];
  if (/\b(?:dad|father)\b/i.test(text))
    return [`${close}My dad ${dad}`, `He lives ${where}, and we talk most weeks`];
  const sibling = siblingOf(context);
  return [
    `${close}My parents live ${where} — Mum ${mum}, and Dad ${dad}`,
    sibling
      ? `And I have ${withIndefiniteArticle(sibling.relation)}, ${sibling.name}. ${sibling.note}`
      : random.pick([
          "I'm an only child, so it's always been the three of us",
          "No brothers or sisters — just me",
        ]),
  ];
}
