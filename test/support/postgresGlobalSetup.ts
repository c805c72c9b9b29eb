import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type RunningPostgres, startEmbeddedPostgres } from "../../src/adapters/postgres/embeddedPostgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** One server per worker slot: a file uses the one of the slot it runs in. */
    embeddedPostgresUrls: string[];
  }
}

/**
 * One embedded PostgreSQL per worker slot, each file making its own database in the server of the
 * slot it runs in, so no two files share a server at once. They must not: event store positions
 * are transaction ids, and how far a reader may go is bounded by the oldest transaction open
 * anywhere on the server, so a transaction a file holds open would hold back every other file's
 * readers and make their waits for "everything so far" end early.
 */
export default async function setup(project: TestProject) {
  const slots = Math.max(1, project.config.maxWorkers);
  const folders: string[] = [];
  const servers: RunningPostgres[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  };
  try {
    await Promise.all(
      Array.from({ length: slots }, async () => {
        const dataDir = await mkdtemp(path.join(tmpdir(), "withme-test-"));
        folders.push(dataDir);
        // As root, the server runs as the postgres user, which must be able to enter the folder.
        await chmod(dataDir, 0o755);
        servers.push(await startEmbeddedPostgres({ dataDir, durable: false }));
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide(
    "embeddedPostgresUrls",
    servers.map((server) => server.url),
  );
  return stop;
}
