import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compileCacheEnv } from "../support/compileCache.ts";

const mainFile = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export type LogLine = Record<string, unknown> & { msg?: string };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One `withme <role>` child process, its JSON log lines, and how it ended. */
export interface RoleProcess {
  name: string;
  child: ChildProcess;
  /** Where the API role serves (its port is chosen by the system). */
  url: string;
  /** Where a projector or worker answers /health and /ready (chosen by the system too). */
  healthUrl: string;
  logs: LogLine[];
  exited: Promise<Exit>;
  /** Resolves with the first log line (seen or still to come) that satisfies the predicate. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** The last lines of output, to explain a failure. */
  tail(lines?: number): string;
}

/**
 * Starts `src/main.ts <role>` with the Node that runs the tests and only the given environment
 * (nothing inherited, so a developer's DATABASE_URL or REDIS_URL cannot leak in), on ports the
 * system picks, and waits for its "withme is running" line, which names them.
 */
export async function startRole(
  name: string,
  role: "api" | "projector" | "worker" | "all",
  env: Record<string, string>,
  cwd: string,
  options: { ownProcessGroup?: boolean } = {},
): Promise<RoleProcess> {
  const child = spawn(process.execPath, [mainFile, role], {
    cwd,
    // As a terminal runs it: the leader of a process group that Ctrl-C signals as a whole.
    detached: options.ownProcessGroup ?? false,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? cwd,
      HOST: "127.0.0.1",
      WITHME_LOG_LEVEL: "info",
      // Replies go out at once, whatever the hour in the agents' time zones when the suite runs.
      WITHME_ASLEEP_REPLIES: "drowsy",
      PORT: "0",
      ...compileCacheEnv(),
      ...(role === "api" || role === "all" ? {} : { HEALTH_PORT: "0" }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const text: string[] = [];
  const waiters = new Set<{ predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  // Should the test runner go away first, the child goes with it.
  const reap = () => {
    child.kill("SIGKILL");
    if (options.ownProcessGroup && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is gone already.
      }
    }
  };
  process.once("exit", reap);
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      process.off("exit", reap);
      resolve({ code, signal });
    }),
  );
  const onLine = (line: string) => {
    if (line.trim() === "") return;
    text.push(line);
    let parsed: LogLine;
    try {
      parsed = JSON.parse(line) as LogLine;
    } catch {
      return;
    }
    logs.push(parsed);
    for (const waiter of waiters) {
      if (!waiter.predicate(parsed)) continue;
      waiters.delete(waiter);
      waiter.resolve(parsed);
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
  }
  const tail = (lines = 30) => `${name}:\n${text.slice(-lines).join("\n")}`;
  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 30_000) => {
    const seen = logs.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`${name}: no such log line within ${timeoutMs} ms\n${tail()}`));
      }, timeoutMs);
      waiters.add(waiter);
      void exited.then((exit) => {
        if (!waiters.delete(waiter)) return;
        clearTimeout(timer);
        reject(new Error(`${name} exited (${exit.code ?? exit.signal}) while waited on\n${tail()}`));
      });
    });
  };
  let running: LogLine;
  try {
    running = await waitForLog((line) => String(line.msg ?? "").startsWith("withme is running"), 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const health = logs.find((line) => line.msg?.startsWith("health endpoints listening"));
  const healthUrl = health ? `http://127.0.0.1:${health.port}` : "";
  return { name, child, url: String(running.url ?? ""), healthUrl, logs, exited, waitForLog, tail };
}

/** Resolves with the exit, or rejects when the process is still running after `timeoutMs`. */
export async function exitWithin(proc: RoleProcess, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${proc.name} still running ${timeoutMs} ms after the signal\n${proc.tail()}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([proc.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Kills whatever is still running; used after the tests and when one fails halfway. */
export async function killAll(processes: Iterable<RoleProcess>): Promise<void> {
  const running = [...processes].filter((p) => p.child.exitCode === null && p.child.signalCode === null);
  for (const proc of running) proc.child.kill("SIGKILL");
  await Promise.all(running.map((proc) => proc.exited));
}
