import { setImmediate as yieldToLoop } from "node:timers/promises";
import { encodePng, finishRows, type PortraitRequest, planPortrait } from "./localPortraitDraw.ts";
import { WorkerThreadCalls } from "./workerThreadCalls.ts";

/** Draws portraits on one worker thread, so a 100 ms drawing never holds up a request. */
export class PortraitThread {
  readonly #thread = new WorkerThreadCalls<PortraitRequest, Uint8Array>(
    new URL("./localPortraitWorker.ts", import.meta.url),
    "the portrait thread",
  );

  render(request: PortraitRequest): Promise<Uint8Array> {
    return this.#thread.call(request);
  }

  close(): Promise<void> {
    return this.#thread.close();
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
