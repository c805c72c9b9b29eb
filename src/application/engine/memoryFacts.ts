import nlp from "compromise";

/** Nouns that name no topic of their own. */
const GENERIC = new Set(
  `thing things stuff lot lots bit bits way ways day days time times today tonight tomorrow yesterday
  morning evening night afternoon week weekend moment minute second people person guy guys kind sort
  idea place one ones here there anything something everything nothing someone everyone anyone haha lol lmao okay
  ok yeah hey hi hello thanks thank sorry cheers talk chat message messages question answer`.split(/\s+/),
);

/** The things a stretch of conversation was mostly about (nouns and names), most frequent first. */
export function topicsOf(texts: readonly string[], limit = 5): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  let order = 0;
  for (const text of texts) {
    const phrases = nlp(text)
      .nouns()
      .not("(#Determiner|#Possessive|#Pronoun|#Adjective|#Value|#Date)")
      .out("array") as string[];
    for (const phrase of phrases) {
      const cleaned = phrase
        .replace(/[^\p{L}\p{N}' -]/gu, "")
        .replace(/'s\b/g, "")
        .replace(/\s+(?:in|of|on|at|to|for|with|from|by|about)$/, "")
        .trim();
      // Names keep their capitals; "Bread" at the start of a sentence does not.
      const topic = nlp(cleaned).has("#ProperNoun") ? cleaned : cleaned.toLowerCase();
      if (topic.length < 3 || GENERIC.has(topic.toLowerCase())) continue;
      const seen = counts.get(topic) ?? { count: 0, first: order++ };
      counts.set(topic, { count: seen.count + 1, first: seen.first });
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([word]) => word);
}

/** "a, b and c". */
export function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
