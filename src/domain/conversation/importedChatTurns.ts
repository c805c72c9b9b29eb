import { MAX_ALTERNATIVES } from "./decider.ts";

/** One message of a chat from another tool; `alternatives` are the agent's other swipes. */
export interface ImportedChatLine {
  author: "person" | "agent";
  text: string;
  alternatives: readonly string[];
  /** Which of `alternatives` is `text` (SillyTavern's `swipe_id`); else the first that reads the same. */
  chosen?: number;
  /** The original time, or null when the file did not say. */
  sentAt: string | null;
  /** Hidden in the other tool (SillyTavern's hidden message): imported, then hidden. */
  hidden?: boolean;
}

/**
 * A reply's swipes in the file's order, the chosen one marked: blank ones and copies of the chosen
 * text left out, and at most `MAX_ALTERNATIVES` of them, the chosen one always among them.
 */
export function swipesOf(line: ImportedChatLine): { text: string; chosen: boolean; index: number }[] {
  const all = line.alternatives.length > 0 ? [...line.alternatives] : [line.text];
  let chosen =
    line.chosen !== undefined && all[line.chosen] === line.text ? line.chosen : all.indexOf(line.text);
  if (chosen === -1) chosen = all.push(line.text) - 1;
  const kept = all
    .map((text, index) => ({ text, chosen: index === chosen, index }))
    .filter((swipe) => swipe.chosen || (swipe.text.trim() !== "" && swipe.text !== line.text));
  if (kept.length <= MAX_ALTERNATIVES) return kept;
  const at = kept.findIndex((swipe) => swipe.chosen);
  const start = Math.min(at, kept.length - MAX_ALTERNATIVES);
  return kept.slice(start, start + MAX_ALTERNATIVES);
}

/**
 * Other tools let a person write several messages before the character answers; here one reply
 * answers one message, so a person's consecutive lines become one message, in the first line's
 * place and at its time, hidden only when every one of them was.
 */
export function personTurns(lines: readonly ImportedChatLine[]): { line: ImportedChatLine; index: number }[] {
  const turns: { line: ImportedChatLine; index: number }[] = [];
  lines.forEach((line, index) => {
    const last = turns.at(-1);
    if (last && line.author === "person" && last.line.author === "person")
      last.line = {
        ...last.line,
        text: `${last.line.text}\n\n${line.text}`,
        hidden: Boolean(last.line.hidden && line.hidden),
      };
    else turns.push({ line, index });
  });
  return turns;
}

export function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("");
}
