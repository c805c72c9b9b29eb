import type { ImportedChatLine } from "../../domain/conversation/importedChatTurns.ts";
import { MESSAGE_MAX, REPLY_MAX } from "../../domain/conversation/limits.ts";
import { MAX_ALTERNATIVES } from "../../domain/conversation/treeRules.ts";

/**
 * What an import changes in a chat so that it fits withme's conversation, said to the person:
 * consecutive lines of theirs become one message, and texts longer than a message holds are
 * shortened. `messages` is how many messages the conversation gets.
 */
export function chatImportChanges(lines: readonly ImportedChatLine[]): {
  messages: number;
  warnings: string[];
} {
  let joined = 0;
  let shortened = 0;
  let swipesLeftOut = 0;
  let shownHidden = 0;
  let before: ImportedChatLine | null = null;
  for (const line of lines) {
    const previous = before?.author ?? null;
    if (line.author === "person" && previous === "person") {
      joined++;
      if (!line.hidden !== !before?.hidden) shownHidden++;
    }
    // The agent's answer to the person may be as long as a reply; its other lines are messages.
    const max = line.author === "agent" && previous === "person" ? REPLY_MAX : MESSAGE_MAX;
    const texts = line.author === "agent" && line.alternatives.length > 0 ? line.alternatives : [line.text];
    shortened += texts.filter((text) => [...text].length > max).length;
    swipesLeftOut += Math.max(0, texts.length - MAX_ALTERNATIVES);
    before = line;
  }
  const last = lines.at(-1);
  const warnings: string[] = [];
  if (joined > 0)
    warnings.push(
      `Joined ${count(joined, "message")} of the person to the one before: here the agent answers each message.`,
    );
  if (shortened > 0)
    warnings.push(`Shortened ${count(shortened, "message")} longer than a message can be here.`);
  if (swipesLeftOut > 0)
    warnings.push(`Left out ${count(swipesLeftOut, "swipe")}: a message keeps at most ${MAX_ALTERNATIVES}.`);
  if (shownHidden > 0)
    warnings.push(
      `Showed ${count(shownHidden, "hidden message")} of the person joined to a shown one before or after it.`,
    );
  if (last?.author === "person" && last.hidden)
    warnings.push("Showed the last message, hidden in the file: the agent answers it here.");
  return { messages: lines.length - joined, warnings };
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
