/**
 * Work a description says with a verb rather than a job title: "who teaches piano" → piano teacher,
 * "fixes bikes" → bike mechanic, "makes fresh pasta" → home cook, "grows tomatoes" → gardener.
 */
const FOOD =
  "pasta|bread|pizza|dumplings|noodles|soup|stew|cakes?|pies?|jam|cheese|tortillas|curry|meals|dinners?|lunch|food|sauce|gnocchi|ravioli|lasagne|lasagna|pastries";
const VERB_JOBS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bteach(?:es|ing)?\s+([a-z]+)/i, (m) => `${m[1]!.toLowerCase()} teacher`],
  [/\b(?:runs|owns) (?:a|an|the|her|his|their) ([a-z]+(?: [a-z]+)?)/i, (m) => `${m[1]!.toLowerCase()} owner`],
  [/\bplays? (?:the )?([a-z]+) (?:in|for) (?:a|an|the)\b/i, (m) => `${m[1]!.toLowerCase()} player`],
  [/\bsells? ([a-z]+)/i, (m) => `${m[1]!.toLowerCase()} seller`],
  [
    /\b(?:fix|fixes|fixing|repair|repairs|repairing|mends?) (?:up )?(?:old |vintage )?(?:bikes|bicycles)\b/i,
    () => "bike mechanic",
  ],
  [
    /\b(?:fix|fixes|fixing|repair|repairs|repairing) (?:up )?(?:old |vintage )?(?:cars|motorbikes|motorcycles)\b/i,
    () => "mechanic",
  ],
  [
    /\b(?:grows?|growing|tends?) (?:her |his |their |own )*(?:\w+ )?(?:tomatoes|vegetables|veg|flowers|roses|herbs|plants|fruit|a garden|an allotment)\b/i,
    () => "gardener",
  ],
  [
    new RegExp(`\\b(?:makes?|making|cooks?|cooking|bakes?|baking|rolls?) (?:\\w+ ){0,2}(?:${FOOD})\\b`, "i"),
    () => "home cook",
  ],
  [/\b(?:builds?|makes?) (?:wooden )?(?:furniture|tables|chairs)\b/i, () => "furniture maker"],
  [/\bwrites? (?:\w+ )?(?:novels|books|poems|poetry)\b/i, () => "writer"],
];

export function occupationFromVerbs(text: string): string | null {
  for (const [pattern, job] of VERB_JOBS) {
    const match = pattern.exec(text);
    if (match) return job(match);
  }
  return null;
}

const RETIRED =
  /\b(?:retired|retiree|pensioner|in retirement|grandmother|grandfather|grandma|grandpa|granny|grandad|nonna|nonno)\b/i;

/** A retired person or a grandparent with no job named is retired, not given a job by default. */
export function lifeStageOccupation(text: string): string | null {
  return RETIRED.test(text) ? "retired" : null;
}
