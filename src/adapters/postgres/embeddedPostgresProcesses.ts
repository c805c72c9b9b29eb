import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The running server's port when a live process other than this one started it. */
export async function serverOfLiveProcess(
  clusterDir: string,
  ownerFile: string,
): Promise<{ port: number } | null> {
  if (!existsSync(ownerFile)) return null;
  const server = await readPidFile(clusterDir);
  if (!server) return null;
  const { pid: serverPid, port } = server;
  const owner = Number.parseInt(await readFile(ownerFile, "utf8"), 10);
  if (!Number.isInteger(port) || !Number.isInteger(owner)) return null;
  if (owner === process.pid || !isAlive(owner) || !isAlive(serverPid)) return null;
  return { port };
}

/** A server left running by a killed parent still holds the data folder; ask it to shut down. */
export async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pid = (await readPidFile(clusterDir))?.pid;
  if (pid === undefined || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's pid (line 1 of postmaster.pid) and port (line 4), when a server left the file. */
async function readPidFile(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  return Number.isInteger(pid) ? { pid, port: Number.parseInt(lines[3] ?? "", 10) } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
