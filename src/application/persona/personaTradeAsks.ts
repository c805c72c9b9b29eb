import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * Questions about what the agent's trade does to it and how much of it it has done: "are you ever
 * stung?" to a beekeeper, "how many babies have you delivered?" to a midwife. Answered from its
 * occupation, in the question's own words. Null when the message asks neither.
 */
export function answerTradeAsk(context: ReplyContext, random: SeededRandom): string[] | null {
  const { occupation } = context.identity;
  if (!occupation) return null;
  const a = withIndefiniteArticle(occupation);
  const text = context.personMessage;
  const hazard = hazardAsked.exec(text)?.[1];
  if (hazard)
    return [
      `${random.pick(["More times than I can count", "Now and then, yes"])} — getting ${hazard.toLowerCase()} is part of being ${a}`,
      random.pick([
        "It hurts for a minute, then you get on with it, and after a few years you barely notice",
        "You learn to stay calm and careful, and it happens a lot less than it did when I started",
      ]),
    ];
  const daily = dailyCountAsked.exec(text)?.[1];
  if (daily)
    return [
      `Depends on the day — on a busy one more ${daily.toLowerCase()} than I can keep track of, on a quiet one just a handful`,
      `That's life as ${a}: no two days alike`,
    ];
  const count = countAsked.exec(text);
  if (!count || lifeCounts.test(count[2]!) || /\b(?:today|tonight|this week|yesterday)\b/i.test(text))
    return null;
  return [
    `Honestly, I lost count of the ${count[1]!.toLowerCase()} years ago — more than I could ever add up, over my years as ${a}`,
    random.pick([
      "And I remember every single one a little",
      "The first few I remember in every detail, and after that they blur, in a good way",
    ]),
  ];
}

/** "How many animals do you see in a day?": a count of an ordinary working day. */
const dailyCountAsked =
  /\bhow many ([\p{L}'-]+(?: [\p{L}'-]+)?) do (?:you|u) [\p{L}'-]+(?: [\p{L}'-]+)? (?:in |on |per )?(?:a|an|each|every|one|average|typical|normal) ?(?:average |typical |normal )?(?:day|shift|week)\b/iu;

/** "Are you ever stung?", "do you get burned a lot?", "have you ever been bitten?" */
const hazardAsked =
  /^\s*(?:and |so |but )?(?:are|do|did|have|has) (?:you|u) (?:ever |often |much |never )?(?:get |been |getting |got |have |suffer from )?(?:ever )?(stung|bitten|burn(?:ed|t)|cut|scratched|kicked|scalded|electrocuted|shocked|injured|hurt|hay ?fever|allergies|sunburn(?:ed|t)?|blisters|back pain|seasick|carsick|altitude sickness)\b(?! (?:my|your|his|her|their) feelings)/i;

/** "How many babies have you delivered?", "how many fires did you put out?" */
const countAsked =
  /\bhow many ([\p{L}'-]+(?: [\p{L}'-]+)?) (?:have|did) (?:you|u) (?:ever |actually |already )?([\p{L}'-]+(?: (?:out|up|in|on|off|around|over|back))?)/iu;

/** "How many countries have you been to?": a count of its life, not of its trade's work. */
const lifeCounts =
  /^(?:been|visited|read|learn(?:ed|t)|had|have|seen|watched|lived|got|own|dated|tried|travell?ed|speak|spoken|know|met)$/i;
