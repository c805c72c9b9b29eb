import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";

/**
 * With `BENCH_CPU_PROFILE=<folder>`, records a CPU profile of this process (the server, and the
 * benchmark's clients beside it) while `work` runs and writes it there as `<name>-<time>.cpuprofile`,
 * for Chrome DevTools or speedscope. Without it, just runs `work`.
 */
export async function cpuProfiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`  CPU profile written to ${file}`);
  }
}
