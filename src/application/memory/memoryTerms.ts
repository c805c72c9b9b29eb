import { porterStem } from "./porterStemmer.ts";

/** Words, stems and the words that carry no meaning, shared by the lexical embedder and memory matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each
  few for from further had hadn has hasn have haven having he her here hers herself him himself his
  how i if in into is isn it its itself just ll me more most my myself no nor not now of off on once
  only or other ought our ours ourselves out over own re same she should shouldn so some such than
  that the their theirs them themselves then there these they this those through to too under until
  up ve very was wasn we were weren what when where which while who whom why will with won would
  wouldn you your yours yourself yourselves`.split(/\s+/),
);

/** Lower-case words without accents; one-letter leftovers ("Ana's" → "ana", "s") are dropped. */
export function tokenize(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

/** The stems of a text's content words, without the words of `ignore` (the person's name, say). */
export function contentStems(text: string, ignore: ReadonlySet<string> = new Set()): Set<string> {
  return new Set(
    tokenize(text)
      .filter((word) => !STOP_WORDS.has(word) && !ignore.has(word))
      .map(porterStem),
  );
}
