import { PostgresVectorIndex } from "../adapters/postgres/postgresVectorIndex.ts";
import { startPostgresVectorRebuild } from "../adapters/postgres/vectorIndexRebuild.ts";
import { reembedMemory } from "../application/engine/memoryReembed.ts";
import type { MemoryReembedReport, MemoryReembedRun } from "../cli/cliSystem.ts";
import type { System } from "./system.ts";

/**
 * `withme reembed` on the configured embedder and vector index: PostgreSQL rebuilds into new
 * tables and switches to them; other indexes are refused with what to do instead.
 */
export async function reembedConfiguredMemory(
  system: System,
  run: MemoryReembedRun,
): Promise<MemoryReembedReport> {
  const { embedder, vectorIndex } = await system.providers();
  if (vectorIndex.name !== "postgres")
    return { conversations: 0, facts: 0, index: vectorIndex.name, switched: false };
  const head = await system.eventStore.headPosition();
  const rebuild = await startPostgresVectorRebuild(system.database.pool, { dimensions: embedder.dimensions });
  try {
    const report = await reembedMemory({ events: system.events, embedder, target: rebuild.index, ...run });
    await rebuild.switchOver();
    // What running workers indexed during the rebuild went to the old tables: index it again.
    const live = new PostgresVectorIndex(system.database.pool, { dimensions: embedder.dimensions });
    await reembedMemory({ events: system.events, embedder, target: live, after: head, signal: run.signal });
    return { ...report, index: vectorIndex.name, switched: true };
  } catch (error) {
    await rebuild.discard();
    throw error;
  }
}
