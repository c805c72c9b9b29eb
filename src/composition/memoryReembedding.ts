import { GenerationalVectorIndex } from "../adapters/pinecone/namespaceGenerations.ts";
import { PostgresVectorIndex } from "../adapters/postgres/postgresVectorIndex.ts";
import { startPostgresVectorRebuild } from "../adapters/postgres/vectorIndexRebuild.ts";
import { reembedMemory } from "../application/engine/memoryReembed.ts";
import type { MemoryReembedReport, MemoryReembedRun } from "../cli/cliSystem.ts";
import { reembedIntoNextGeneration } from "./generationReembedding.ts";
import type { System } from "./system.ts";

/**
 * `withme reembed` on the configured embedder and vector index: PostgreSQL rebuilds into new
 * tables and Pinecone into a new namespace generation, and each switches to them.
 */
export async function reembedConfiguredMemory(
  system: System,
  run: MemoryReembedRun,
): Promise<MemoryReembedReport> {
  const { embedder, vectorIndex } = await system.providers();
  const head = await system.eventStore.headPosition();
  if (vectorIndex instanceof GenerationalVectorIndex) {
    const report = await reembedIntoNextGeneration({
      events: system.events,
      embedder,
      index: vectorIndex,
      head,
      ...run,
    });
    return {
      conversations: report.conversations,
      facts: report.facts,
      index: vectorIndex.name,
      switched: true,
    };
  }
  if (vectorIndex.name !== "postgres")
    return { conversations: 0, facts: 0, index: vectorIndex.name, switched: false };
  const rebuild = await startPostgresVectorRebuild(system.database.pool, { dimensions: embedder.dimensions });
  try {
    const report = await reembedMemory({ events: system.events, embedder, target: rebuild.index, ...run });
    await rebuild.switchOver();
    // What running workers indexed during the rebuild went to the old tables: index it again.
    const live = new PostgresVectorIndex(system.database.pool, { dimensions: embedder.dimensions });
    await reembedMemory({
      events: system.events,
      embedder,
      target: live,
      after: head,
      earlier: report.written,
      signal: run.signal,
    });
    return {
      conversations: report.conversations,
      facts: report.facts,
      index: vectorIndex.name,
      switched: true,
    };
  } catch (error) {
    await rebuild.discard();
    throw error;
  }
}
