import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { doIt, freeTime } from "./personaHabits.ts";
import { localLanguage } from "./personaLocalWords.ts";
import type { SeededRandom } from "./personaRandom.ts";

// Stems that name a sport only as whole words or their -ing forms ("ski" is not "skincare").
const SPORT =
  /\b(?:boulder|climb|surf|swim|jog|cycl|bik|hik|snowboard|football|soccer|futsal|tennis|padel|basketball|volleyball|rugby|golf|yoga|martial|karate|judo|jiu|sail|skat|badminton|cricket|baseball|hockey|squash|pilates|gym|fitness|marathon|triathlon|kayak|canoe|archery|danc)|\b(?:ski(?:ing|s)?|run(?:ning|s)?|box(?:ing)?|row(?:ing)?|div(?:e|ing)|fencing)\b/i;
const INSTRUMENT =
  /\b(?:guitar|piano|violin|cello|drum|bass\b|ukulele|flute|saxophone|sax\b|trumpet|clarinet|harp\b|keyboard|accordion|banjo|mandolin|harmonica|viola|oboe|trombone|synth)/i;

const MUSICIAN =
  /\b(?:musician|pianist|guitarist|violinist|cellist|drummer|bassist|saxophonist|trumpeter|flautist|organist)\b/i;

const ofKind = (interests: readonly string[], kind: RegExp) => interests.filter((i) => kind.test(i));

/**
 * "Do you play any sport?", "Do you play the piano?", "Do you speak French?": answered from the
 * agent's interests and where it lives, or honestly that it does not. Null for any other question.
 */
export function answerAboutPastimeKind(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  const { interests } = context.agent;
  const elsewhere = freeTime(interests, random);
  const yes = (thing: string) => doIt(thing, random);
  if (/\bsports?\b|\bsporty\b|\bathletic\b/i.test(text)) {
    const sports = ofKind(interests, SPORT);
    return sports.length
      ? [yes(sports.join(" and ")), random.pick(["It keeps me sane", "It's how I switch off"])]
      : [random.pick(["Not really, I'm not very sporty", "Not really, sport was never my thing"]), elsewhere];
  }
  const played = /\bplay (?:an?y? |the |some )?([\p{L} -]+?)\s*[?!.]*$/iu.exec(text)?.[1];
  if (/\binstruments?\b|\bmusical\b/i.test(text) || (played && INSTRUMENT.test(played))) {
    // "Play something for me on the piano": the instrument is the word that names one.
    const named = played ? (INSTRUMENT.exec(played)?.[0]?.toLowerCase() ?? null) : null;
    const instruments = ofKind(interests, INSTRUMENT).filter(
      (i) => !named || i.toLowerCase().includes(named),
    );
    // "Can you play something for me?" asks for a tune, not whether it plays.
    if (
      instruments.length &&
      /\bplay (?:me |us )?(?:something|a song|a tune|a piece)|\bplay for me\b/i.test(text)
    )
      return [
        `For you? Gladly — picture me at the ${instruments[0]!.toLowerCase()}, playing something slow`,
        "A few wrong notes, but all of them with feeling",
      ];
    if (instruments.length) return [yes(instruments.join(" and ")), "I could play for hours"];
    const { occupation } = context.identity;
    // "piano" → "pianist", "drums" → "drummer", "cello" → "cellist".
    const player = named ? new RegExp(`\\b${named.replace(/(?:o|s)$/, "")}`, "i") : MUSICIAN;
    if (player.test(occupation))
      return [`Of course — I'm ${withIndefiniteArticle(occupation)}`, "Music is most of my life"];
    return [
      random.pick(["No, I never learned to play one", "Not really, I never learned to play"]),
      elsewhere,
    ];
  }
  if (played && SPORT.test(played)) {
    const sport = played.toLowerCase().replace(/s$/, "");
    const shared = interests.find((i) => i.toLowerCase().includes(sport));
    return shared
      ? [yes(shared), "It keeps me sane"]
      : [random.pick(["Not really, to be honest", "Not much, honestly"]), elsewhere];
  }
  const asked =
    /\bspeak (?:any )?(\p{Lu}\p{L}+|languages?)\b/iu.exec(text)?.[1] ??
    /\b(?:what|which|how many) (languages?) (?:do|can) you speak\b/i.exec(text)?.[1];
  if (asked && (/^languages?$/i.test(asked) || /^\p{Lu}/u.test(asked))) {
    // Where withme cannot tell the local language, the agent speaks of English only.
    const own = localLanguage(context.identity.country) ?? "English";
    const spoken = own === "English" ? "English" : `${own} and English`;
    if (/^languages?$/i.test(asked)) return [`${spoken}`, "Other languages only a few words"];
    if (asked.toLowerCase() === own.toLowerCase())
      return [`Yes, ${own} is my first language`, `I live in ${context.identity.country}, after all`];
    if (/^english$/i.test(asked)) return ["Yes, of course", "We're speaking it now"];
    return [
      random.pick([`Only a few words of ${asked}`, `Not really, only a few words`]),
      `I speak ${spoken}`,
    ];
  }
  return null;
}
