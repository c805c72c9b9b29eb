import { setTimeout as pause } from "node:timers/promises";
import type { GenerationalVectorIndex } from "../adapters/pinecone/namespaceGenerations.ts";
import { type ReembedReport, reembedMemory } from "../application/engine/memoryReembed.ts";
import type { EventLog } from "../application/eventLog.ts";
import type { Embedder } from "../ports/embedder.ts";
import type { Position } from "../ports/eventStore.ts";
import type { VectorIndex } from "../ports/vectorIndex.ts";

export interface GenerationReembedRun {
  events: EventLog;
  embedder: Embedder;
  index: GenerationalVectorIndex;
  /** Where the log ended when the rebuild began: what came later is indexed again after the switch. */
  head: Position;
  signal?: AbortSignal;
  onProgress?(progress: { done: number; total: number }): void;
}

/**
 * Rebuilds memory into the next namespace generation beside the live one, switches recall to it,
 * indexes again what workers wrote meanwhile, then deletes the old generation's namespaces.
 * A failed rebuild deletes what it wrote and leaves the live generation as it was.
 */
export async function reembedIntoNextGeneration(
  run: GenerationReembedRun,
): Promise<{ conversations: number; facts: number; generation: number }> {
  const { index } = run;
  const old = await index.generations.live();
  const next = old + 1;
  const written = new Set<string>();
  const target = recordingNamespaces(index.at(next), written);
  let report: ReembedReport;
  try {
    report = await reembedMemory({ ...run, target });
  } catch (error) {
    for (const namespace of written) await index.at(next).deleteNamespace(namespace);
    throw error;
  }
  await index.switchTo(next);
  // Other processes may write into the old generation until they read the switch.
  await pause(index.staleForMs, undefined, run.signal ? { signal: run.signal } : {});
  await reembedMemory({
    events: run.events,
    embedder: run.embedder,
    target,
    after: run.head,
    earlier: report.written,
    signal: run.signal,
  });
  for (const namespace of written) await index.at(old).deleteNamespace(namespace);
  return { conversations: report.conversations, facts: report.facts, generation: next };
}

function recordingNamespaces(index: VectorIndex, written: Set<string>): VectorIndex {
  return {
    name: index.name,
    dimensions: index.dimensions,
    upsert: (namespace, records) => {
      written.add(namespace);
      return index.upsert(namespace, records);
    },
    query: (namespace, query) => index.query(namespace, query),
    delete: (namespace, ids) => index.delete(namespace, ids),
    deleteNamespace: (namespace) => index.deleteNamespace(namespace),
  };
}
