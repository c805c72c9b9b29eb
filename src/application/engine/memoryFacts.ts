import nlp from "compromise";

/** Nouns that name no topic of their own. */
const GENERIC = new Set(
  `thing things stuff lot lots bit bits way ways day days time times today tonight tomorrow yesterday
  morning evening night afternoon week weekend moment minute second people person guy guys kind sort
  idea place one ones here there anything something everything nothing someone everyone anyone haha lol lmao okay
  ok yeah hey hi hello thanks thank sorry cheers talk chat message messages question answer`.split(/\s+/),
);

/** The things one message is about (nouns and names), in order, repeats kept. */
export function topicsIn(text: string): string[] {
  const phrases = nlp(text)
    .nouns()
    .not("(#Determiner|#Possessive|#Pronoun|#Adjective|#Value|#Date)")
    .out("array") as string[];
  const topics: string[] = [];
  for (const phrase of phrases) {
    const cleaned = phrase
      .replace(/[^\p{L}\p{N}' -]/gu, "")
      .replace(/'s\b/g, "")
      .replace(/\s+(?:in|of|on|at|to|for|with|from|by|about)$/, "")
      .trim();
    // Names keep their capitals; "Bread" at the start of a sentence does not. Without a capital
    // there is nothing to decide, and no second reading.
    const named = /\p{Lu}/u.test(cleaned) && nlp(cleaned).has("#ProperNoun");
    const topic = named ? cleaned : cleaned.toLowerCase();
    if (topic.length < 3 || GENERIC.has(topic.toLowerCase())) continue;
    topics.push(topic);
  }
  return topics;
}

/** What a stretch of conversation was mostly about: its messages' topics, most frequent first. */
export function rankTopics(perText: readonly (readonly string[])[], limit = 5): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  let order = 0;
  for (const topics of perText)
    for (const topic of topics) {
      const seen = counts.get(topic) ?? { count: 0, first: order++ };
      counts.set(topic, { count: seen.count + 1, first: seen.first });
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
