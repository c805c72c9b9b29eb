import type { ReplyContext } from "../prompt/replyContext.ts";
import { FAVOURITES } from "./personaFavouriteKinds.ts";
import { ownFavourite, recommendation } from "./personaFavourites.ts";
import { type MoreLines, unicodeWords, type When } from "./personaLanguageLines.ts";
import { type OtherLanguage, pastimeSaidIn, pastimesIn } from "./personaPastimeNames.ts";
import { planFor } from "./personaPlans.ts";
import type { SeededRandom } from "./personaRandom.ts";

type Said = (lines: readonly string[], fill?: Record<string, string>) => string;

/** Kinds of favourite said in any of the languages, as the English favourites name them. */
const KINDS: readonly [RegExp, string][] = [
  [/film|película|pelicula|filme|\bcinema\b/iu, "film"],
  [/\b(?:livres?|romans?|libros?|livros?|romanzi|romanzo)\b|buch|bücher|roman\b/iu, "book"],
  [/\b(?:villes?|ciudad(?:es)?|cidades?|città)\b|stadt/iu, "city"],
  [/\b(?:saisons?|estaci(?:ón|ones)|estaç(?:ão|ões)|stagion[ei])\b|jahreszeit/iu, "season"],
  [/\b(?:couleurs?|colou?r(?:es)?|cor(?:es)?|colori?|colore)\b|farbe/iu, "colour"],
];

/** Kinds whose favourites are said only as the language names them, never in English words. */
const NAMED_ONLY = new Set(["season", "colour"]);

/** Asked for something to unwind with, in any of the languages. */
const UNWIND =
  /\b(?:détendre|décompresser|entspann\p{L}*|abschalten|relaj\p{L}*|desconectar|relax\p{L}*|descontrair|rilass\p{L}*|staccare)\b/iu;

const WHENS: readonly [When, string][] = [
  ["weekend", "this weekend"],
  ["tonight", "tonight"],
  ["tomorrow", "tomorrow"],
];

/** The reply on one of these topics, or null when the message asks none of them. */
export function moreTopicReply(
  context: ReplyContext,
  language: OtherLanguage,
  more: MoreLines,
  text: string,
  random: SeededRandom,
  said: Said,
): string | null {
  const asked = (pattern: RegExp) => unicodeWords(pattern).test(text);
  const named = (pick: string) => more.names[pick] ?? pick;
  const kind = KINDS.find(([pattern]) => pattern.test(text))?.[1];
  const found = kind ? FAVOURITES.find(([pattern]) => pattern.test(kind)) : undefined;
  if (asked(more.asks.recommend) && kind) {
    const pick = recommendation(kind, context, random);
    return pick ? said(more.lines.recommend, { pick: named(pick) }) : null;
  }
  // "Tu me recommandes quoi pour me détendre ?", "Wie entspannst du dich?": what unwinds the agent, in the language.
  if (unicodeWords(UNWIND).test(text))
    return said(more.lines.unwind, { pastime: pastimeSaidIn(planFor(context, undefined).pastime, language) });
  if (asked(more.asks.pastimes))
    return said(more.lines.pastimes, { pastimes: pastimesIn(context.agent.interests, language) });
  if (asked(more.asks.favourite)) {
    const pick = found ? ownFavourite(found, context) : null;
    return pick && (!NAMED_ONLY.has(kind!) || more.names[pick])
      ? said(more.lines.favourite, { pick: named(pick) })
      : said(more.lines.favouriteNone);
  }
  if (asked(more.asks.why) && asked(more.asks.likes)) return said(more.lines.whyLikes);
  if (asked(more.asks.why) && favouriteWasGiven(context, more)) return said(more.lines.why);
  const when = WHENS.find(([key]) => asked(more.when[key]));
  if (!when) return null;
  const { pastime, work } = planFor(context, when[1]);
  const fill = { when: more.whenSaid[when[0]], pastime: pastimeSaidIn(pastime, language), work: work ?? "" };
  if (work === "off") return said(more.lines.plansOff, fill);
  return said(work ? more.lines.plansWork : more.lines.plans, fill);
}

/** Whether the agent's last reply named a favourite, which a bare "why?" asks the reason for. */
function favouriteWasGiven(context: ReplyContext, more: MoreLines): boolean {
  const last = context.recentMessages.filter((m) => m.author === "agent").at(-1)?.text ?? "";
  const picks = FAVOURITES.flatMap(([, kinds]) => kinds.map((pick) => more.names[pick] ?? pick));
  return [...picks, ...context.agent.interests].some((pick) => last.includes(pick));
}
