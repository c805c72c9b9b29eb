import type { ReplyContext } from "../prompt/replyContext.ts";

/** How many other phrasings are tried for a reply that would say again what was already given. */
export const REPHRASINGS_TRIED = 6;

/**
 * Replies the new one should not say again: those shown in its place before (a regeneration's
 * siblings, the replies to the message an edit replaced), and, when something new is asked for
 * (another joke, more about its work), what the agent already said on this path.
 */
export function repliesToAvoid(context: ReplyContext, somethingNew: boolean): string[] {
  const earlier = somethingNew
    ? context.recentMessages.filter((m) => m.author === "agent").map((m) => m.text)
    : [];
  return [...(context.earlierAlternatives ?? []), ...earlier];
}

/** How many of a reply's sentences another reply already said: 0 for a reply that is new. */
export function sentencesRepeated(reply: string, others: readonly string[]): number {
  if (others.length === 0) return 0;
  const said = new Set(others.flatMap(sentencesOf));
  return sentencesOf(reply).filter((sentence) => said.has(sentence)).length;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((sentence) =>
      sentence
        .toLowerCase()
        .replace(/[^\p{L}\p{N} ]/gu, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((sentence) => sentence.length >= 8);
}

/**
 * The first of a few phrasings (the seed's own first) that repeats nothing to avoid; when each
 * repeats something, the one that repeats least. The same seed still gives the same reply.
 */
export function differentFrom(
  avoid: readonly string[],
  seed: number,
  compose: (seed: number) => string,
): string {
  let best = compose(seed);
  let bestRepeats = sentencesRepeated(best, avoid);
  for (let attempt = 1; attempt < REPHRASINGS_TRIED && bestRepeats > 0; attempt++) {
    const other = compose((seed + attempt * 0x9e3779b1) >>> 0);
    const repeats = sentencesRepeated(other, avoid);
    if (repeats < bestRepeats) [best, bestRepeats] = [other, repeats];
  }
  return best;
}
