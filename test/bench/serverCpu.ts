import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/**
 * CPU time the PostgreSQL server behind a pool has used, all its processes together, read from
 * `/proc` (Linux only; elsewhere `undefined`). The server must run on this machine.
 */
export async function serverCpu(pool: pg.Pool): Promise<() => number | undefined> {
  const { rows } = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
  const postmaster = processTimes(rows[0]!.pid)?.parent;
  if (postmaster === undefined) return () => undefined;
  return () => {
    const server = processTimes(postmaster);
    if (!server) return undefined;
    // Its own time, its ended children's, and that of every child still running.
    let ticks = server.own + server.children;
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      const child = processTimes(Number(name));
      if (child?.parent === postmaster) ticks += child.own + child.children;
    }
    return ticks * MS_PER_TICK;
  };
}

/** `/proc` counts in clock ticks of 10 ms on Linux. */
const MS_PER_TICK = 10;

function processTimes(pid: number): { parent: number; own: number; children: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command name, which may hold spaces: state, ppid, … utime (14), stime, cutime, cstime.
  const fields = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  return { parent: fields[1]!, own: fields[11]! + fields[12]!, children: fields[13]! + fields[14]! };
}
