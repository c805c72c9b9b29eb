import nlp from "compromise";

/** Nouns that name no topic of their own. */
const GENERIC = new Set(
  `thing things stuff lot lots bit bits way ways day days time times today tonight tomorrow yesterday
  morning evening night afternoon week weekend moment minute second people person guy guys kind sort
  idea place one ones here there anything something everything nothing someone everyone anyone haha lol lmao okay
  ok yeah hey hi hello thanks thank sorry cheers talk chat message messages question answer`.split(/\s+/),
);

/**
 * How much of one sentence is read for its topics: tagging a sentence costs more than its length
 * (a 4,000-character one took over a second), and a topic is named early.
 */
const SENTENCE_READ = 400;

/** The things one message is about (nouns and names), in order, repeats kept. */
export function topicsIn(text: string): string[] {
  const phrases = readableParts(text).flatMap(
    (part) =>
      nlp(part)
        .nouns()
        .not("(#Determiner|#Possessive|#Pronoun|#Adjective|#Value|#Date)")
        .out("array") as string[],
  );
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

/**
 * The text's sentences, each cut to its first `SENTENCE_READ` characters at a space, joined again
 * into parts of a few sentences: each part is tagged in one go, which costs less than one a sentence.
 */
function readableParts(text: string): string[] {
  const parts: string[] = [];
  let part = "";
  for (const sentence of nlp.tokenize(text).sentences().out("array") as string[]) {
    const cut = sentence.length <= SENTENCE_READ ? -1 : sentence.lastIndexOf(" ", SENTENCE_READ);
    const read = cut === -1 ? sentence : sentence.slice(0, cut > 0 ? cut : SENTENCE_READ);
    if (part && part.length + read.length > 4 * SENTENCE_READ) {
      parts.push(part);
      part = "";
    }
    part = part ? `${part} ${read}` : read;
  }
  if (part) parts.push(part);
  return parts;
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
