import { parentPort } from "node:worker_threads";
import { drawPortraitPng, type PortraitRequest } from "./localPortraitDraw.ts";

/** The worker-thread side of `PortraitThread`: draws one portrait per message, in order. */
parentPort?.on("message", (message: { id: number; request: PortraitRequest }) => {
  try {
    const bytes = new Uint8Array(drawPortraitPng(message.request));
    parentPort?.postMessage({ id: message.id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
