import type { ConversationState } from "../../domain/conversation/decider.ts";
import type { RetrievedMemory } from "./memoryRetrieval.ts";
import { factVectorId } from "./memoryVectorIds.ts";

/**
 * The recalled memories as the conversation knows them now. The vector index follows the log a
 * moment behind: a fact forgotten or corrected just before this turn may still be found there,
 * gone or in its old words, so the conversation's own facts decide what is said. A summary drawn
 * from a message that told a fact since forgotten or corrected is left out altogether: it may say
 * what is no longer known (a model's summary words the facts its own way), as the message it came
 * from is no longer read as it was.
 */
export function asRememberedNow(
  memories: RetrievedMemory[],
  conversation: Pick<ConversationState, "memoryFacts">,
): RetrievedMemory[] {
  const changed = new Map<string, { text: string; forgotten: boolean }>();
  const supersededSources = new Set<string>();
  for (const [factId, fact] of conversation.memoryFacts)
    if (fact.forgotten || fact.correctedAt !== null) {
      changed.set(factVectorId(factId), fact);
      for (const id of fact.sourceMessageIds) supersededSources.add(id);
    }
  if (changed.size === 0) return memories;
  return memories.flatMap((memory) => {
    if (memory.kind === "summary")
      return memory.sourceMessageIds.some((id) => supersededSources.has(id)) ? [] : [memory];
    const fact = changed.get(memory.id);
    if (!fact) return [memory];
    return fact.forgotten ? [] : [{ ...memory, text: fact.text }];
  });
}
