import type { ReplyContext } from "../prompt/replyContext.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * "Cats or dogs?", "do you believe in ghosts?": questions that want the agent to take a side. It
 * picks one (an interest of its own when one is on offer), the same one whenever it is asked.
 * Null when the message is neither.
 */

const OPTION = String.raw`(?:the |a |an )?([\p{L}'-]+(?: [\p{L}'-]+){0,2}?)`;
const EITHER_OR = new RegExp(
  String.raw`^\s*(?:(?:so |and |ok |okay )?(?:do you (?:like|prefer|love|enjoy)|would you rather(?: have| be)?|which do you (?:like|prefer)(?: more| better)?,?|(?:what|which)(?:'s| is) better,?|are you (?:more )?(?:a|an)|you prefer|what(?:'s| is) your (?:opinion|take|view) on|what do you think (?:of|about))\s+)?${OPTION} (?:or|vs\.?|versus) ${OPTION}(?: better| more| person| people)?\s*\?*\s*$`,
  "iu",
);
const BELIEF = /\bdo you (?:really )?believe in ([^?.!,]{2,40})/i;

export function answerChoice(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  const belief = BELIEF.exec(text)?.[1]?.trim();
  if (belief) {
    const believes = seededRandom(0, context.agent.name, `believe ${belief.toLowerCase()}`).chance(0.5);
    return believes
      ? [`I'd like to believe in ${belief}`, random.pick(["I keep an open mind", "Call me a romantic"])]
      : [`I'm not sure I believe in ${belief}`, "But I keep an open mind"];
  }
  const match = EITHER_OR.exec(text);
  // "do u like cats or dogs more" asks without its question mark; a bare "tomorrow or friday" does not.
  const asks =
    /\?\s*$/.test(text) ||
    /^\s*(?:so |and |ok |okay )?(?:do you|would you|which|what|are you|you prefer)\b/i.test(text);
  if (!match || !asks) return null;
  // "Tea or coffee?": a choice's first word is not a name, so it is said in lower case.
  const options = [match[1]!, match[2]!].map((o) =>
    text.trimStart().startsWith(o) ? o.charAt(0).toLowerCase() + o.slice(1) : o,
  );
  // "Is it sunny or rainy there?" asks about the weather, not a preference.
  if (
    options.some(
      (o) =>
        /^(?:not|no|nothing|something else|what)$/i.test(o) ||
        // "A real person or an AI?" is not a matter of taste: it is answered as who the agent is.
        /\b(?:ai|a\.i\.|bot|robot|chatbot|human|real|person|machine|program|computer|fake)\b/i.test(o) ||
        /\b(?:is|are|was|were|do|does|did|can|will|it|there|here|you|me|i)\b/i.test(o),
    )
  )
    return null;
  const interests = context.agent.interests.map((i) => i.toLowerCase());
  const liked = options.find((o) => interests.some((i) => i.includes(o.toLowerCase())));
  const sorted = options.map((o) => o.toLowerCase()).sort();
  const chosen = liked ?? seededRandom(0, context.agent.name, `choose ${sorted.join(" or ")}`).pick(options);
  const other = options.find((o) => o !== chosen) ?? options[1]!;
  return [
    random.pick([`${capitalize(chosen)}, definitely`, `${capitalize(chosen)}, I think`]),
    random.pick([`Though I wouldn't say no to ${other}`, `Sorry, ${other} — nothing personal`]),
  ];
}
