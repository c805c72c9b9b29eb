import { Worker } from "node:worker_threads";
import {
  type MemorySummary,
  type MemorySummaryWriter,
  type SummaryLine,
  summarizeByRulesInTurns,
} from "../../application/engine/memorySummaryWriter.ts";

type Reply = { id: number; summary: MemorySummary } | { id: number; error: string };

/**
 * The offline summary writer on one worker thread: reading a dozen messages for their topics and
 * facts takes tens of milliseconds, which replies being written on the main thread would wait for.
 * The thread starts with the first summary, does not keep the process alive when idle, and is
 * started again if it dies; a summary it cannot write is written here instead.
 */
export class RuleSummaryThread implements MemorySummaryWriter {
  #worker: Worker | null = null;
  readonly #pending = new Map<
    number,
    { resolve(summary: MemorySummary): void; reject(error: Error): void }
  >();
  #next = 0;

  async summarize(lines: readonly SummaryLine[], personName: string): Promise<MemorySummary> {
    try {
      return await this.#ask(lines, personName);
    } catch {
      return summarizeByRulesInTurns(lines, personName);
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll(new Error("the summary thread was stopped"));
    await worker?.terminate();
  }

  #ask(lines: readonly SummaryLine[], personName: string): Promise<MemorySummary> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, lines, personName });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./ruleSummaryWorker.ts", import.meta.url));
    worker.on("message", (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.summary);
    });
    const lost = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      this.#failAll(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the summary thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }
}
