import { memoryNamespace } from "../../ports/vectorIndex.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

export interface RetrievedMemory {
  id: string;
  text: string;
  score: number;
}

/**
 * Long-term memory for a turn: the stored summaries and notable messages most similar to what the
 * person just said, above a score threshold, without what is already in the recent messages.
 */
export async function retrieveMemories(
  deps: Pick<EngineDependencies, "embedder" | "vectorIndex" | "settings" | "logger">,
  input: { userId: string; agentId: string; query: string; recentTexts: readonly string[] },
  signal?: AbortSignal,
): Promise<RetrievedMemory[]> {
  try {
    const [vector] = await deps.embedder.embed([input.query], signal);
    if (!vector || vector.every((value) => value === 0)) return [];
    const matches = await deps.vectorIndex.query(memoryNamespace(input.userId, input.agentId), {
      vector,
      topK: deps.settings.memoryTopK * 2,
      minScore: deps.settings.memoryMinScore,
    });
    const recent = new Set(input.recentTexts.map(normalise));
    const seen = new Set<string>();
    const memories: RetrievedMemory[] = [];
    for (const match of matches) {
      const text = typeof match.metadata.text === "string" ? match.metadata.text : null;
      if (!text) continue;
      const key = normalise(text);
      if (recent.has(key) || seen.has(key)) continue;
      seen.add(key);
      memories.push({ id: match.id, text, score: match.score });
      if (memories.length >= deps.settings.memoryTopK) break;
    }
    return memories;
  } catch (error) {
    // A reply without long-term memory beats no reply at all.
    deps.logger.warn({ err: error }, "memory retrieval failed; replying without it");
    return [];
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
