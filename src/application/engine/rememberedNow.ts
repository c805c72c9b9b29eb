import type { ConversationState } from "../../domain/conversation/decider.ts";
import { factVectorId } from "./memoryIndexer.ts";
import type { RetrievedMemory } from "./memoryRetrieval.ts";

/**
 * The recalled memories as the conversation knows them now. The vector index follows the log a
 * moment behind: a fact forgotten or corrected just before this turn may still be found there,
 * gone or in its old words, so the conversation's own facts decide what is said.
 */
export function asRememberedNow(
  memories: RetrievedMemory[],
  conversation: Pick<ConversationState, "memoryFacts">,
): RetrievedMemory[] {
  const changed = new Map<string, { text: string; forgotten: boolean }>();
  for (const [factId, fact] of conversation.memoryFacts)
    if (fact.forgotten || fact.correctedAt !== null) changed.set(factVectorId(factId), fact);
  if (changed.size === 0) return memories;
  return memories.flatMap((memory) => {
    const fact = changed.get(memory.id);
    if (!fact) return [memory];
    return fact.forgotten ? [] : [{ ...memory, text: fact.text }];
  });
}
