import { execFile } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "../..");
export const clientDist = path.join(root, "client/dist");

async function newestChange(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestChange(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds the client with Vite when `client/dist` is missing or older than its sources. */
export async function ensureClientBuilt(): Promise<"fresh" | "built"> {
  const built = (await stat(path.join(clientDist, "index.html")).catch(() => null))?.mtimeMs ?? 0;
  const sources = [
    "client/src",
    "client/index.html",
    "client/public",
    "client/vite.config.ts",
    "client/scripts",
  ];
  const changed = Math.max(...(await Promise.all(sources.map((s) => newestChange(path.join(root, s))))));
  if (built > changed) return "fresh";
  const vite = path.join(root, "node_modules/vite/bin/vite.js");
  await promisify(execFile)(
    process.execPath,
    [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return "built";
}
