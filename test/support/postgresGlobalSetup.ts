import { chmod, mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer, type Server } from "node:net";
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

interface Servers {
  urls: string[];
  projects: number;
  stop(): Promise<void>;
}

// The int and e2e projects share the servers, as a slot runs one file at a time whatever its
// project. Each project loads this module anew, so the servers are kept on the global object.
const holder = globalThis as { withmeTestServers?: Promise<Servers> | undefined };

/**
 * One embedded PostgreSQL per worker slot, each file making its own database in the server of the
 * slot it runs in, so no two files share a server at once. They must not: event store positions
 * are transaction ids, and how far a reader may go is bounded by the oldest transaction open
 * anywhere on the server, so a transaction a file holds open would hold back every other file's
 * readers and make their waits for "everything so far" end early.
 */
export default async function setup(project: TestProject) {
  holder.withmeTestServers ??= startServers(Math.max(1, project.config.maxWorkers));
  const servers = await holder.withmeTestServers;
  servers.projects += 1;
  project.provide("embeddedPostgresUrls", servers.urls);
  return async () => {
    servers.projects -= 1;
    if (servers.projects > 0) return;
    holder.withmeTestServers = undefined;
    await servers.stop();
  };
}

async function startServers(slots: number): Promise<Servers> {
  const folders: string[] = [];
  const running: RunningPostgres[] = [];
  const stop = async () => {
    await Promise.all(running.map((server) => server.stop()));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  };
  const startOne = async (port: number) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "withme-test-"));
    folders.push(dataDir);
    // As root, the server runs as the postgres user, which must be able to enter the folder.
    await chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir, port, durable: false });
    running.push(server);
    return server;
  };
  // All at once, each on a port of its own: the ports are reserved together, so no two are the same.
  const started = await Promise.allSettled((await freePorts(slots)).map(startOne));
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  return { urls: servers.map((server) => server.url), projects: 0, stop };
}

/** Ports the system picks, held open together until all are known, so they differ. */
async function freePorts(count: number): Promise<number[]> {
  const listeners = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = listeners.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(listeners.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
