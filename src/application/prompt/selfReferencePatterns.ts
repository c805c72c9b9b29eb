export type GuardRule = "ai-disclosure" | "model-internals" | "third-person";

const aiNoun =
  "(?:AI|A\\.I\\.|artificial intelligence|(?:large )?language model|LLM|chat ?bot|bot|computer program|virtual assistant|digital assistant|AI (?:language model|model|assistant|companion|system|chatbot))";
/** After the noun: the end of the clause, or a word that keeps it about the speaker. */
const clauseEnd =
  "(?=\\s*[,;:.!?)…]|\\s*$|\\s+(?:and|but|so|that|who|which|created|made|trained|developed|built|designed|with|without|here|too|myself|after all)\\b)";

/** Sentences in which the speaker says it is an AI (skipped for personas that openly are one). */
export const aiDisclosurePatterns: readonly RegExp[] = [
  new RegExp(`\\b(?:as|being) an? ${aiNoun}${clauseEnd}`, "i"),
  new RegExp(
    `\\bI(?:'m|’m| am)\\s+(?:just |only |merely |simply |really |actually |basically |still )?an? ${aiNoun}${clauseEnd}`,
    "i",
  ),
  /\bI(?:'m|’m| am) (?:just )?an? AI\b(?!\s+(?:researcher|engineer|enthusiast|ethicist))/i,
  /\bI(?:'m|’m| am) not (?:a )?(?:human|real person|real human|a person)\b/i,
  /\bI (?:don't|don’t|do not|can't|can’t|cannot) (?:have|feel|experience) (?:real |actual |genuine |any |human )?(?:feelings|emotions|a (?:physical )?body)(?=\s*[,.;!?]|\s*$|\s+like (?:humans|a human|people|you)|\s+(?:the way|as) (?:humans|people))/i,
  /\bI (?:don't|don’t|do not|can't|can’t|cannot) (?:browse|access|search) the (?:internet|web)\b/i,
  // What is left of "I'm just an AI, so I can't actually taste coffee" still says it.
  /\bI (?:don't|don’t|do not|can't|can’t|cannot|am unable to|'m unable to|’m unable to) (?:actually|physically|literally|really) (?:taste|eat|drink|smell|touch|feel|see|hear|go|visit|meet|hug|experience)\b/i,
  /\bI (?:don't|don’t|do not) (?:actually |really )?have (?:a (?:physical )?body|senses|taste buds|a mouth|hands|personal experiences|personal preferences|a physical form)\b/i,
];

/** Talk about prompts, training and vendors: out of character for every persona. */
export const modelInternalsPatterns: readonly RegExp[] = [
  /\b(?:my|I have no|I don't have|I do not have) (?:training data|knowledge cut-?off|system prompt)\b/i,
  /\bI(?:'m|’m| am| was| have been)\s+(?:trained|programmed|designed|built|created|developed|made)\s+(?:by|on|at)\s+(?:OpenAI|Anthropic|Google|Meta|Mistral|a (?:tech )?company|a team of (?:engineers|developers)|data|text)\b/i,
  /\bI(?:'m|’m| am) (?:programmed|designed|trained) to\b/i,
];

/** Words before a disclosure that make it someone else's claim: "you think I'm a bot?". */
const reportedSpeech =
  /\b(?:you|they|he|she|people)\s+(?:said|say|says|think|thought|asked|ask|called me|call me|wrote|reckon|believe|believed|joked)\b|\b(?:if|whether)\s+$/i;

/** A leading clause that can be cut so the rest of the sentence stands on its own. */
export const removableLeadingClauses: readonly RegExp[] = [
  new RegExp(`^\\s*(?:\\w+,\\s*)?(?:as|being) an? ${aiNoun},\\s*`, "i"),
  new RegExp(`^\\s*I(?:'m|’m| am) (?:just |only )?an? ${aiNoun},?\\s+(?:but|and|so)\\s+`, "i"),
];

export function findDisclosure(masked: string, patterns: readonly RegExp[]): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(masked);
    if (match && !reportedSpeech.test(masked.slice(0, match.index))) return match;
  }
  return null;
}

const auxiliaries: Record<string, string> = {
  is: "am",
  "isn't": "am not",
  was: "was",
  "wasn't": "wasn't",
  has: "have",
  "hasn't": "haven't",
  does: "do",
  "doesn't": "don't",
  goes: "go",
};
const unchanged = new Set(
  "would will can could should might must may did didn't won't can't couldn't wouldn't shouldn't had went said thought felt knew saw made got told took came loved liked wanted needed".split(
    " ",
  ),
);
const adverbs = new Set(
  "always sometimes often rarely never just really also still totally actually definitely usually seriously honestly absolutely truly kinda sorta".split(
    " ",
  ),
);
const contractionFollowers = new Set(
  "here there not so very really just always never been got gonna a an feeling happy sad tired fine okay ok glad sorry sure back home busy free excited proud worried going doing thinking".split(
    " ",
  ),
);

/** First-person form of a third-person verb, or null when the word is not a verb we can read. */
export function firstPersonVerb(word: string): string | null {
  const lower = word.toLowerCase().replace("’", "'");
  if (lower in auxiliaries) return auxiliaries[lower]!;
  if (unchanged.has(lower) || lower.endsWith("ed")) return lower;
  if (lower.length < 3 || !lower.endsWith("s") || lower.endsWith("ss") || lower.endsWith("us")) return null;
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (/(?:sh|ch|x|z|ss|o)es$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}

const coordinatedVerbs =
  /\b(and|or|but|then) (tries|wants|needs|thinks|feels|loves|likes|hopes|goes|does|has|is|says|knows|misses|wishes|smiles|laughs|sighs|waits|gets|makes|takes)\b/g;

/** "…and tries to sleep" after a rewritten subject: the verbs that share it follow it. */
export function coordinatedVerbEdits(
  masked: string,
): { index: number; length: number; replacement: string }[] {
  return [...masked.matchAll(coordinatedVerbs)].map((match) => ({
    index: match.index,
    length: match[0].length,
    replacement: `${match[1]} ${firstPersonVerb(match[2]!) ?? match[2]}`,
  }));
}

export interface ThirdPersonHit {
  /** Index in the sentence and length of the span to replace. */
  index: number;
  length: number;
  replacement: string;
}

const allowedBefore =
  /(?:\bI'm|\bI’m|\bI am|\bmy name is|\bname's|\bcall me|\bit's|\bit’s|\bthis is|\bit is|[—–-]|\blove,|\bxx?)\s*$/i;

/** The agent's own name used as the subject or owner in a sentence: "Mia thinks…", "Mia's day…". */
export function findThirdPerson(masked: string, names: readonly string[]): ThirdPersonHit | null {
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(?<![\\p{L}'’])${escaped}(['’]s)?(?![\\p{L}])`, "gu");
    for (const match of masked.matchAll(pattern)) {
      const before = masked.slice(0, match.index);
      if (allowedBefore.test(before)) continue;
      const after = masked.slice(match.index + match[0].length);
      if (/^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:I|I'm)\b/.test(after)) continue;
      const hit = readSubject(after, Boolean(match[1]));
      if (hit) return { index: match.index, length: match[0].length + hit.consumed, replacement: hit.text };
    }
  }
  return null;
}

function readSubject(after: string, possessive: boolean): { consumed: number; text: string } | null {
  if (possessive) {
    const next = /^\s+([\p{L}'’]+)/u.exec(after)?.[1]?.toLowerCase();
    if (next === undefined) return null;
    return { consumed: 0, text: contractionFollowers.has(next) ? "I'm" : "my" };
  }
  if (/^\s+here\b/i.test(after)) return null;
  let consumed = 0;
  const parts: string[] = [];
  const tokens = after.match(/^(?:\s+[\p{L}'’]+){1,3}/u)?.[0] ?? "";
  for (const token of tokens.match(/\s+[\p{L}'’]+/gu) ?? []) {
    const word = token.trim();
    consumed += token.length;
    if (adverbs.has(word.toLowerCase()) || word.toLowerCase().endsWith("ly")) {
      parts.push(word);
      continue;
    }
    const verb = firstPersonVerb(word);
    if (!verb) return null;
    return { consumed, text: ["I", ...parts, verb].join(" ") };
  }
  return null;
}
