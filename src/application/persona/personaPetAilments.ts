import type { ReplyContext } from "../prompt/replyContext.ts";

/** "My cat Momo keeps throwing up", "our dog is limping": an animal's ailment, not the person's. */
export const petAilment =
  /\b(?:my|our) (?:(?:old|little|new) )?(cat|dog|puppy|kitten|rabbit|bunny|hamster|parrot|bird|horse|guinea pig)(?: ([A-Z][\p{L}'-]+))?\b[^.?!]{0,30}\b(?:keeps? (?:throwing up|being sick|vomiting|scratching|limping|coughing|sneezing)|(?:is|has been|'s been|seems) (?:sick|ill|unwell|limping|off (?:his|her|its) food|lethargic)|threw up|won'?t eat|stopped eating|isn'?t eating|is throwing up|is vomiting|is limping)/iu;

/** What helps with an animal's ailment, for "what should I do?" after it. */
export const petAilmentAdvice: readonly string[] = [
  "Take away the food for a few hours but keep fresh water there, and watch how they are",
  "If it happens again today, or they stop drinking or seem flat and quiet, call a vet straight away — better a wasted trip than a missed problem",
];

/** The first words back to an animal's ailment: concern for the animal, by name, and what to watch. */
export function answerPetAilment(context: ReplyContext): string[] | null {
  const ailing = petAilment.exec(context.personMessage);
  if (!ailing) return null;
  const who = ailing[2] ?? `your ${ailing[1]!.toLowerCase()}`;
  const vet = /\b(?:vet|veterinar)/i.test(context.identity.occupation);
  return [
    `Oh no, poor ${who}`,
    vet
      ? "Speaking as a vet: once is usually nothing, but if it keeps happening, or there's no eating or drinking, bring them in today"
      : "If it keeps happening, or there's no eating or drinking, it's worth a call to the vet today",
    "How is the rest of the day going for you both?",
  ];
}
