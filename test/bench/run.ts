import { readdir } from "node:fs/promises";
import path from "node:path";

/** Runs every `*.bench.ts` here (or those whose names contain the given words), one after another. */
const filters = process.argv.slice(2);
const directory = import.meta.dirname;
const files = (await readdir(directory)).filter(
  (file) => file.endsWith(".bench.ts") && (filters.length === 0 || filters.some((f) => file.includes(f))),
);
console.log(`withme benchmarks on ${process.version}, ${(await import("node:os")).cpus().length} cores`);
for (const file of files.sort()) {
  const module = (await import(path.join(directory, file))) as { default: () => Promise<void> };
  await module.default();
}
