import { intentOf } from "../memory/queryIntent.ts";

/** How a fact of each kind is usually worded: the line that answers the question, not one that touches it. */
const ANSWER_CUES: Record<string, RegExp> = {
  work: /\bworks? (?:as|at|for|in)\b|\bjob\b|\b(?:is|am|i'm) an? (?:\w+ )?(?:\w+(?:er|or|ist|ian)|nurse|chef|doctor|vet)\b/i,
  health: /\ballerg\w*|\bintoleran\w*|\bcan'?t (?:eat|have)\b|\bvegetarian\b|\bvegan\b/i,
  // Case matters here: "in Dublin" places someone, "in March" and "in a band" do not.
  place:
    /\b(?:[Ll]ives? in|[Gg]rew up|[Bb]orn in|[Ff]rom|[Rr]aised)\b|\bin (?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]{2,}/,
  pet: /\b(?:named|called)\b/i,
  person: /\b(?:named|called|name is)\b/i,
  date: /\b(?:birthday|born on|anniversary)\b/i,
  preference: /\b(?:favou?rite|loves?|likes?)\b/i,
  plan: /\b(?:planning|going to|trip|flying|flight|holiday|moving|training for)\b/i,
};

/** "Where is my interview?" is answered by the line that says where ("is at Google"), not the one that mentions it. */
const DETAIL_CUES: readonly [RegExp, RegExp][] = [
  [/\bwhere\b/i, /\b(?:is|are|was|were) (?:at|in)\b/i],
  [/\bwho\b.*\b(?:wrote|write|made|by|directed|sang)\b|\bby whom\b/i, /\b(?:is|was|are|were) by\b/i],
  [
    /\bwhen\b|\b(?:what|which) (?:day|time|date|month)\b/i,
    /\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bat \d|\b(?:tomorrow|tonight|next (?:week|month|year))\b|\b(?:in|on|of) (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}(?:st|nd|rd|th)\b/i,
  ],
  [/\babout\b|\bwhat (?:subject|topic)\b/i, /\b(?:is|are|was|were) about\b/i],
  // "Where am I from?" is answered by where they come from, not where they live now, and the other way round.
  [/\bfrom\b|\bgrow up\b/i, /\b(?:is|are|comes?) from\b|\bgrew up\b|\bborn in\b/i],
  [/\blive\b/i, /\blives? in\b/i],
  [/\bwith whom\b|\bwho with\b|\bwho\b.*\bwith\b/i, /\b(?:is|are|was|were) with\b/i],
];

export function detailWeight(message: string, text: string): number {
  return DETAIL_CUES.some(([asks, says]) => asks.test(message) && says.test(text)) ? 3 : 0;
}

/**
 * A fact of the kind asked about counts; one worded as the answer, or as the question is, counts
 * more. A fact recorded as of that kind is the answer, however it is worded ("Kay is a vet").
 */
export function kindWeight(
  askedKinds: ReadonlySet<string>,
  message: string,
  text: string,
  factKind: string | null = null,
): number {
  const touched = new Set<string>(intentOf(text).kinds);
  const answers = (kind: string) => kind === factKind || ANSWER_CUES[kind]?.test(text) === true;
  const kinds = [...askedKinds].filter((kind) => touched.has(kind) || answers(kind));
  if (kinds.length === 0) return 0;
  const cued = kinds.filter(answers);
  return 2 + (cued.length > 0 ? 1 : 0) + (cued.some((kind) => ANSWER_CUES[kind]?.test(message)) ? 1 : 0);
}
