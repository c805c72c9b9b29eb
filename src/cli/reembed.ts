import { Command } from "commander";
import type { CliSystem, MemoryReembedReport } from "./cliSystem.ts";
import { terminalProgress } from "./terminalProgress.ts";

export function formatReembedReport(report: MemoryReembedReport): string {
  if (!report.switched)
    return `reembed: the ${report.index} vector index cannot be rebuilt beside the live one yet; nothing changed`;
  return `reembed: ${report.facts} facts and the summaries of ${report.conversations} conversations embedded again; the new index is live`;
}

/** `withme reembed`: long-term memory's vector index built again from the log, beside the live one. */
export function reembedCommand(open: () => Promise<CliSystem>): Command {
  return new Command("reembed")
    .description(
      "rebuild the memory vector index from the log with the configured embedder beside the live one, then switch",
    )
    .action(async () => {
      const system = await open();
      const progress = terminalProgress("reembed", "conversations");
      try {
        if (!system.reembedMemory) {
          console.error("withme: this installation cannot rebuild the memory index");
          process.exitCode = 1;
          return;
        }
        const report = await system.reembedMemory({
          signal: system.lifecycle.signal,
          onProgress: progress.onProgress,
        });
        progress.stop();
        console.log(formatReembedReport(report));
        if (!report.switched || system.lifecycle.signal.aborted) process.exitCode = 1;
      } finally {
        progress.stop();
        await system.lifecycle.stop();
      }
    });
}
