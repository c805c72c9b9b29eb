/** Tokens each chat message costs beyond its text (role and separators). */
export const messageOverheadTokens = 4;

/**
 * About four characters of Latin text per token; characters outside ASCII (accents, CJK, emoji)
 * split into more tokens, so they count nearly one each.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  // By UTF-16 unit rather than by character, which made a string of each: a surrogate pair is one.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 128) ascii++;
    else {
      other++;
      if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    }
  }
  return Math.ceil(ascii / 4 + other * 0.8);
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export type BudgetItemKind = "message" | "memory" | "lifeEvent" | "scenario";

export interface BudgetItem {
  kind: BudgetItemKind;
  key: string;
  tokens: number;
}

export interface BudgetPlan {
  kept: Set<string>;
  dropped: BudgetItem[];
  totalTokens: number;
  overBudget: boolean;
}

/** Drops items in the given order until the total fits; the fixed part is never dropped. */
export function planBudget(
  fixedTokens: number,
  dropOrder: readonly BudgetItem[],
  budget: number,
): BudgetPlan {
  let total = fixedTokens + dropOrder.reduce((sum, item) => sum + item.tokens, 0);
  const dropped: BudgetItem[] = [];
  for (const item of dropOrder) {
    if (total <= budget) break;
    dropped.push(item);
    total -= item.tokens;
  }
  const droppedKeys = new Set(dropped.map((item) => item.key));
  const kept = new Set(dropOrder.filter((item) => !droppedKeys.has(item.key)).map((item) => item.key));
  return { kept, dropped, totalTokens: total, overBudget: total > budget };
}

interface Scored {
  key: string;
  tokens: number;
  score: number;
}

/**
 * The order in which context gives way: old messages beyond a short tail, then the weakest
 * memories beyond the best few, then older life events, then the tail itself, then the rest.
 * Messages come oldest first, life events oldest first.
 */
export function contextDropOrder(parts: {
  messages: readonly BudgetItem[];
  memories: readonly Scored[];
  lifeEvents: readonly BudgetItem[];
  scenarios: readonly BudgetItem[];
  keepRecentMessages?: number;
  keepBestMemories?: number;
}): BudgetItem[] {
  const tail = Math.min(parts.keepRecentMessages ?? 6, parts.messages.length);
  const best = Math.min(parts.keepBestMemories ?? 3, parts.memories.length);
  const memories: BudgetItem[] = [...parts.memories]
    .sort((a, b) => a.score - b.score)
    .map(({ key, tokens }) => ({ kind: "memory", key, tokens }));
  const events = parts.lifeEvents;
  const splitAt = parts.messages.length - tail;
  return [
    ...parts.messages.slice(0, splitAt),
    ...memories.slice(0, memories.length - best),
    ...events.slice(0, Math.max(0, events.length - 1)),
    ...parts.messages.slice(splitAt),
    ...memories.slice(memories.length - best),
    ...events.slice(Math.max(0, events.length - 1)),
    ...parts.scenarios,
  ];
}
