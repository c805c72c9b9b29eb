import type * as grpc from "@grpc/grpc-js";

/**
 * Writes the responses of a server-streaming call with flow control: a write that fills the HTTP/2
 * window waits for `drain`, so a slow reader slows the fake down as it does the real node.
 */
export class ResponseWriter<Response> {
  readonly #call: grpc.ServerWritableStream<unknown, Response>;
  readonly #closeWaiters = new Set<() => void>();
  #closed = false;

  constructor(call: grpc.ServerWritableStream<unknown, Response>) {
    this.#call = call;
    const close = () => {
      this.#closed = true;
      for (const waiter of this.#closeWaiters) waiter();
      this.#closeWaiters.clear();
    };
    call.on("cancelled", close);
    call.on("close", close);
    call.on("error", close);
  }

  /** True once the client has gone (cancelled, or the call finished). */
  get closed(): boolean {
    return this.#closed || this.#call.cancelled;
  }

  async write(response: Response): Promise<void> {
    if (this.closed) return;
    if (this.#call.write(response)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#call.off("drain", done);
        this.#closeWaiters.delete(done);
        resolve();
      };
      this.#call.once("drain", done);
      this.#closeWaiters.add(done);
    });
  }

  /** Resolves when `wake` is called or the client goes, whichever comes first. */
  waitUntil(register: (wake: () => void) => void): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        this.#closeWaiters.delete(done);
        resolve();
      };
      this.#closeWaiters.add(done);
      register(done);
    });
  }

  end(): void {
    if (!this.closed) this.#call.end();
  }

  fail(error: grpc.ServiceError): void {
    if (!this.closed) this.#call.emit("error", error);
  }
}
