/** Sentences in which people say something about themselves worth remembering. */
const disclosure =
  /\b(?:my\s+\p{L}+|i'm|i am|i live|i work|i study|i love|i like|i hate|i have|i've got|i've been|i grew up|i was born|call me)\b/iu;

const STOPWORDS = new Set(
  "the a an and or but so to of in on at for with about from this that it is are was were be been have has had do does did not no yes you your i me my we our they them he she his her what when where why how just really very too can could would should will".split(
    " ",
  ),
);

/** Facts a person stated, in the third person: "my sister is called Ana" → "Sam's sister is called Ana". */
export function extractFacts(text: string, personName: string): string[] {
  const name = personName.trim() || "They";
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 8 && sentence.length <= 300 && !sentence.endsWith("?"))
    .filter((sentence) => disclosure.test(sentence))
    .map((sentence) => thirdPerson(sentence.replace(/[.!]+$/, ""), name));
}

function thirdPerson(sentence: string, name: string): string {
  return sentence
    .replace(/\bcall me\b/gi, `${name} likes to be called`)
    .replace(/\bmy\b/gi, `${name}'s`)
    .replace(/\b(?:I'm|I am)\b/gi, `${name} is`)
    .replace(/\bI've\b/gi, `${name} has`)
    .replace(/\bI (\p{L}+)/giu, (_, verb: string) => `${name} ${thirdPersonVerb(verb)}`)
    .replace(/\bme\b/gi, name)
    .replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

function thirdPersonVerb(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular: Record<string, string> = { have: "has", do: "does", go: "goes", was: "was", am: "is" };
  if (lower in irregular) return irregular[lower]!;
  if (/(?:ed|s)$/.test(lower)) return lower;
  if (/(?:sh|ch|x|ss|o)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The words a stretch of conversation was mostly about, most frequent first. */
export function topicsOf(texts: readonly string[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
      if (STOPWORDS.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word);
}
