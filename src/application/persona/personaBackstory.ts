import { porterStem } from "../memory/porterStemmer.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { sentencesOf } from "./personaPhrases.ts";

/** Words too common to tie a question to a line of the agent's story. */
const COMMON = new Set(
  "what whats kind sort like does your yours have ever been there with from that this when where which about really much many some more most work working always".split(
    " ",
  ),
);

const stems = (text: string) =>
  new Set(
    (text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
      .filter((word) => !COMMON.has(word))
      .map((word) => porterStem(word)),
  );

/** A story's subject other than its verb: "He learned…", "Kai is…"; its verb follows. */
const SUBJECTS: Record<string, string> = {
  is: "am",
  are: "am",
  was: "was",
  were: "was",
  has: "have",
  does: "do",
  goes: "go",
};

/**
 * "Mixes records… and walks home" → "I mix records… and walk home", "He learned…" → "I learned…":
 * the story told by the agent itself. `name` is how the story may name the agent.
 */
export function inFirstPerson(clause: string, name?: string): string {
  const verb = (word: string) =>
    /(?:ss|sh|ch|x|z)es$/.test(word)
      ? word.slice(0, -2)
      : /ies$/.test(word)
        ? `${word.slice(0, -3)}y`
        : /[^s]s$/.test(word)
          ? word.slice(0, -1)
          : word;
  const own = name
    ?.trim()
    .split(/\s+/)[0]
    ?.replace(/[^\p{L}-]/gu, "");
  const subject = new RegExp(`^(?:He|She|They${own ? `|${own}` : ""})\\s+(\\p{Ll}+)`, "u");
  const told = (
    subject.test(clause)
      ? clause.replace(subject, (_, word: string) => `I ${SUBJECTS[word] ?? verb(word)}`)
      : clause.replace(/^(\p{Lu}\p{Ll}+)/u, (first) => `I ${verb(first.toLowerCase())}`)
  )
    .replace(/\band (\p{Ll}+s)\b/gu, (_, next: string) => `and ${verb(next)}`)
    .replace(/\b(?:his|her|their)\b/g, "my");
  return told.replace(/[.!]+$/, "");
}

/**
 * "What kind of books do you draw for?", "what's it like working in a studio?": a question that
 * names something of the agent's backstory is answered with that part of its story, in its own
 * words; null when the story says nothing of it.
 */
export function storyAnswer(text: string, context: ReplyContext): string[] | null {
  // "Can you draw me something?", "do you ever get bored of it?" ask for more than the story tells.
  if (!/^\s*(?:so |and |but |ok |okay )?(?:what|which|where|how|tell me)\b/i.test(text)) return null;
  // "What's cooking in your kitchen today?" asks about now, which the story does not tell.
  if (/\b(?:today|tonight|now|right now|at the moment|this (?:week|morning|evening|afternoon))\b/i.test(text))
    return null;
  const asked = stems(text);
  if (asked.size === 0) return null;
  const sentences = sentencesOf(context.agent.backstory).filter((s) => /^\p{Lu}\p{Ll}+s?\b/u.test(s));
  let best: { sentence: string; shared: number } | null = null;
  for (const sentence of sentences) {
    let shared = 0;
    for (const stem of stems(sentence)) if (asked.has(stem)) shared++;
    if (shared > 0 && (!best || shared > best.shared)) best = { sentence, shared };
  }
  return best ? [inFirstPerson(best.sentence, context.agent.name)] : null;
}
