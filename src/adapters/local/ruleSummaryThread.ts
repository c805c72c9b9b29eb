import {
  type MemorySummary,
  type MemorySummaryWriter,
  type SummaryLine,
  type SummaryNames,
  summarizeByRulesInTurns,
} from "../../application/engine/memorySummaryWriter.ts";
import { WorkerThreadCalls } from "./workerThreadCalls.ts";

/**
 * The offline summary writer on one worker thread: reading a dozen messages for their topics and
 * facts takes tens of milliseconds, which replies being written on the main thread would wait for.
 * A summary the thread cannot write is written here instead.
 */
export class RuleSummaryThread implements MemorySummaryWriter {
  readonly #thread = new WorkerThreadCalls<
    { lines: readonly SummaryLine[]; names: SummaryNames },
    MemorySummary
  >(new URL("./ruleSummaryWorker.ts", import.meta.url), "the summary thread");

  async summarize(lines: readonly SummaryLine[], names: SummaryNames): Promise<MemorySummary> {
    try {
      return await this.#thread.call({ lines, names });
    } catch {
      return summarizeByRulesInTurns(lines, names);
    }
  }

  close(): Promise<void> {
    return this.#thread.close();
  }
}
