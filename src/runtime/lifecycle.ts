import type { Logger } from "../observability/logger.ts";

type Stopper = { name: string; stop: () => Promise<void> | void };

/**
 * Stops what was started, newest first, on SIGINT/SIGTERM or when asked. A second signal while
 * stopping exits at once.
 */
export class Lifecycle {
  readonly #stoppers: Stopper[] = [];
  readonly #logger: Logger;
  readonly #controller = new AbortController();
  #stopping: Promise<void> | null = null;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Aborted when shutdown begins: long-running loops watch it. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  onStop(name: string, stop: () => Promise<void> | void): void {
    this.#stoppers.push({ name, stop });
  }

  handleSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (this.#stopping) {
          this.#logger.warn({ signal }, "second signal while stopping: exiting now");
          process.exit(130);
        }
        this.#logger.info({ signal }, "shutting down");
        void this.stop().then(() => process.exit(0));
      });
    }
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#runStoppers();
    return this.#stopping;
  }

  async #runStoppers(): Promise<void> {
    this.#controller.abort();
    for (const stopper of [...this.#stoppers].reverse()) {
      try {
        await stopper.stop();
      } catch (error) {
        this.#logger.error({ err: error, component: stopper.name }, "error while stopping");
      }
    }
  }
}
