import { drawPortraitPng, type PortraitRequest } from "./localPortraitDraw.ts";
import { answerOnWorkerThread } from "./workerThreadCalls.ts";

/** The worker-thread side of `PortraitThread`: draws one portrait per message, in order. */
answerOnWorkerThread(
  (request: PortraitRequest) => new Uint8Array(drawPortraitPng(request)),
  (bytes) => [bytes.buffer],
);
