import { parentPort, type Transferable, Worker } from "node:worker_threads";

type Reply<Result> = { id: number; result: Result } | { id: number; error: string };

/**
 * Calls into one worker thread, each answered in turn. The thread starts with the first call,
 * does not keep the process alive when idle, and is started again if it dies; calls waiting when
 * it dies or is stopped fail.
 */
export class WorkerThreadCalls<Request, Result> {
  readonly #script: URL;
  readonly #name: string;
  #worker: Worker | null = null;
  readonly #pending = new Map<number, { resolve(result: Result): void; reject(error: Error): void }>();
  #next = 0;

  /** `name` says which thread in errors ("the summary thread"). */
  constructor(script: URL, name: string) {
    this.#script = script;
    this.#name = name;
  }

  call(request: Request): Promise<Result> {
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
    this.#failAll(new Error(`${this.#name} was stopped`));
    await worker?.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#script);
    worker.on("message", (reply: Reply<Result>) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    const lost = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      this.#failAll(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`${this.#name} stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error): void {
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }
}

/** The worker side of `WorkerThreadCalls`: answers each call with `work`, in order. */
export function answerOnWorkerThread<Request, Result>(
  work: (request: Request) => Result,
  transfer: (result: Result) => Transferable[] = () => [],
): void {
  parentPort?.on("message", (message: { id: number; request: Request }) => {
    try {
      const result = work(message.request);
      parentPort?.postMessage({ id: message.id, result }, transfer(result));
    } catch (error) {
      parentPort?.postMessage({ id: message.id, error: (error as Error).message });
    }
  });
}
