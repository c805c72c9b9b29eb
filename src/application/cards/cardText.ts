import { charCount } from "../../domain/shared/text.ts";

/** Small text tools for reading people's card prose: sentences, cuts at natural boundaries, lists. */

/** At most `max` characters, cut after a sentence (else a word) and marked with an ellipsis when cut. */
export function cutAtBoundary(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  const head = Array.from(text)
    .slice(0, max - 1)
    .join("");
  const sentence = Math.max(
    head.lastIndexOf(". "),
    head.lastIndexOf("! "),
    head.lastIndexOf("? "),
    head.lastIndexOf("\n"),
  );
  if (sentence > max * 0.5) return head.slice(0, sentence + 1).trim();
  const space = head.lastIndexOf(" ");
  return `${(space > max * 0.5 ? head.slice(0, space) : head).trim()}…`;
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The first sentences of the first paragraph, within `max`. */
export function firstSentences(text: string, max: number): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? "";
  let result = "";
  for (const sentence of sentences(paragraph)) {
    const next = result ? `${result} ${sentence}` : sentence;
    if (charCount(next) > max) break;
    result = next;
  }
  return result || cutAtBoundary(paragraph.replace(/\s+/g, " "), max);
}

/**
 * Items of a list written as prose ("kind, shy; loves books"), W++ (`"kind" + "shy"`) or lines.
 * Null when the text reads as sentences rather than a list.
 */
export function listItems(text: string, itemMax: number): string[] | null {
  const items = text
    .split(/[,;\n|+]+/)
    .map((item) =>
      item
        .replace(/[[\](){}"“”]/g, "")
        .replace(/^[\s\-*•]+|[\s.]+$/g, "")
        .trim(),
    )
    .filter((item) => item.length > 0);
  if (items.length === 0) return null;
  const short = items.filter((item) => charCount(item) <= itemMax);
  return short.length >= Math.ceil(items.length / 2) ? [...new Set(short)] : null;
}

/** The value of a "Label: …" line or a W++ `Label("…" + "…")` group, for the first label found. */
export function labelledValue(text: string, labels: readonly string[]): string | null {
  for (const label of labels) {
    const wpp = new RegExp(`\\b${label}\\s*\\(([^)]{1,400})\\)`, "i").exec(text);
    if (wpp) return wpp[1]!;
    const line = new RegExp(`^[\\s*\\-]*${label}\\s*[:=]\\s*(.{1,400})$`, "im").exec(text);
    if (line) return line[1]!;
  }
  return null;
}
