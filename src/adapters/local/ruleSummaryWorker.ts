import { parentPort } from "node:worker_threads";
import { type SummaryLine, summarizeByRules } from "../../application/engine/memorySummaryWriter.ts";

/** The worker-thread side of `RuleSummaryThread`: one summary per message, in order. */
parentPort?.on("message", (message: { id: number; lines: SummaryLine[]; personName: string }) => {
  try {
    parentPort?.postMessage({ id: message.id, summary: summarizeByRules(message.lines, message.personName) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
