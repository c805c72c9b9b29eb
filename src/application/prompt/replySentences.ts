const quotePairs: Record<string, string> = { '"': '"', "“": "”", "«": "»", "„": "“" };

/**
 * The text with quoted passages and quoted lines (`> …`) blanked out, same length in UTF-16 units,
 * so checks skip words the agent quotes from someone else while indices still match the original.
 */
export function maskQuotes(text: string): string {
  const chars = text.split("");
  const masked = [...chars];
  for (let i = 0; i < chars.length; i++) {
    const closer = quotePairs[chars[i]!];
    if (!closer) continue;
    let end = -1;
    for (let j = i + 1; j < chars.length && chars[j] !== "\n"; j++) {
      if (chars[j] === closer) {
        end = j;
        break;
      }
    }
    if (end === -1) continue;
    for (let k = i + 1; k < end; k++) masked[k] = "_";
    i = end;
  }
  let lineStart = true;
  for (let i = 0; i < masked.length; i++) {
    if (lineStart && masked[i] === ">") {
      while (i < masked.length && masked[i] !== "\n") masked[i++] = "_";
    }
    lineStart = masked[i] === "\n";
  }
  return masked.join("");
}

export interface Sentence {
  /** The sentence as written, with the whitespace that follows it. */
  text: string;
  /** The same span with quotes masked. */
  masked: string;
}

/** Splits at sentence ends and line breaks; the pieces join back into the exact input. */
export function splitSentences(text: string): Sentence[] {
  const chars = text.split("");
  const masked = maskQuotes(text).split("");
  const sentences: Sentence[] = [];
  let start = 0;
  let i = 0;
  while (i < masked.length) {
    const char = masked[i]!;
    const ends = ".!?…".includes(char) || char === "\n";
    i++;
    if (!ends) continue;
    while (i < masked.length && '.!?…"”»)*'.includes(masked[i]!)) i++;
    while (i < masked.length && /\s/.test(masked[i]!)) i++;
    sentences.push({ text: chars.slice(start, i).join(""), masked: masked.slice(start, i).join("") });
    start = i;
  }
  if (start < chars.length)
    sentences.push({ text: chars.slice(start).join(""), masked: masked.slice(start).join("") });
  return sentences;
}

export function capitalizeFirst(text: string): string {
  const index = text.search(/\p{L}/u);
  if (index === -1) return text;
  return text.slice(0, index) + text.charAt(index).toUpperCase() + text.slice(index + 1);
}
