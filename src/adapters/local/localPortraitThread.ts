import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { encodePng, finishRows, type PortraitRequest, planPortrait } from "./localPortraitDraw.ts";

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * Draws portraits on one worker thread, so a 100 ms drawing never holds up a request. The thread
 * starts with the first portrait, does not keep the process alive when idle, and is started
 * again if it dies.
 */
export class PortraitThread {
  #worker: Worker | null = null;
  readonly #pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
  #next = 0;

  render(request: PortraitRequest): Promise<Uint8Array> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failAll(new Error("the portrait thread was stopped"));
    await worker?.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./localPortraitWorker.ts", import.meta.url));
    worker.on("message", (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.bytes);
    });
    const lost = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      this.#failAll(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the portrait thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }
}

const ROWS_PER_SLICE = 64;

/**
 * The same drawing on this thread, a layer or a band of rows at a time with the event loop given
 * back in between; for hosts where worker threads are unwelcome.
 */
export async function renderInSlices(request: PortraitRequest, stopped: () => boolean): Promise<Uint8Array> {
  const plan = planPortrait(request);
  for (const step of plan.steps) {
    await yieldToLoop();
    if (stopped()) throw new Error("the renderer was closed while drawing");
    step();
  }
  const rgba = new Uint8Array(plan.size * plan.size * 4);
  for (let row = 0; row < plan.size; row += ROWS_PER_SLICE) {
    await yieldToLoop();
    finishRows(plan, rgba, row, Math.min(plan.size, row + ROWS_PER_SLICE));
  }
  await yieldToLoop();
  return new Uint8Array(encodePng(rgba, plan.size));
}
