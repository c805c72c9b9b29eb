import { porterStem } from "../memory/porterStemmer.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";

const IGNORED = new Set(
  [
    "what when where which would could should about your have this that with from there their they them been were will really very does tell know",
    // Short words that say nothing of a world, so a three-letter name ("the ark", "Ozu") still counts.
    "the and you are was who how why can did has had her him his its not but for our out any all one two get got too now see say way may let yes use old new big lot own off few far why ago",
  ]
    .join(" ")
    .split(" "),
);

/**
 * What the agent knows of its world for a question about it: the first sentence of the lorebook
 * entry in the prompt that shares the most words with the question, when it reads as plain prose.
 */
export function loreAnswer(question: string, lore: ReplyContext["lore"]): string | null {
  if (!lore?.length) return null;
  const asked = contentWords(question);
  if (asked.size === 0) return null;
  let best: { sentence: string; shared: number } | null = null;
  for (const entry of lore) {
    const sentence = firstSentence(entry.content);
    if (!sentence) continue;
    const shared = [...contentWords(entry.content)].filter((word) => asked.has(word)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { sentence, shared };
  }
  return best?.sentence ?? null;
}

/** Instructions and character sheets ("[Sera's rules: …]", "{{char}} must…", "Name: …") are for a model, never said. */
function firstSentence(content: string): string | null {
  const text = content.trim();
  if (/^[[{(<#*>-]|\{\{|<|^[\p{L} ]{1,30}:/u.test(text)) return null;
  return /^[^.!?\n]{3,200}[.!?]/.exec(text)?.[0] ?? null;
}

function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return new Set(words.filter((word) => !IGNORED.has(word)).map((word) => porterStem(word)));
}
