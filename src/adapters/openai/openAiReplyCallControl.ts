import type { StopCause } from "./openAiReplyErrors.ts";

/**
 * One call's clocks and its abort switch: the caller's signal, an overall deadline, and a
 * first-token deadline restarted for every attempt. The SDK's own timeout stops at the response
 * headers, so a stream that opens and then stays silent needs this.
 */
export class ReplyCallControl {
  readonly controller = new AbortController();
  stoppedBy: StopCause = null;
  readonly #firstTokenTimeoutMs: number;
  readonly #deadline: number;
  readonly #totalTimer: ReturnType<typeof setTimeout>;
  #firstTokenTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #unlink: () => void;

  constructor(signal: AbortSignal | undefined, firstTokenTimeoutMs: number, totalTimeoutMs: number) {
    this.#firstTokenTimeoutMs = firstTokenTimeoutMs;
    this.#deadline = Date.now() + totalTimeoutMs;
    this.#totalTimer = setTimeout(() => this.stop("total-timeout"), totalTimeoutMs);
    const onAbort = () => this.stop("caller");
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    this.#unlink = () => signal?.removeEventListener("abort", onAbort);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts waiting for the first token of a new attempt. */
  startAttempt(): void {
    this.#clearFirstTokenTimer();
    this.#firstTokenTimer = setTimeout(() => this.stop("first-token-timeout"), this.#firstTokenTimeoutMs);
  }

  firstTokenArrived(): void {
    this.#clearFirstTokenTimer();
  }

  remainingMs(): number {
    return this.#deadline - Date.now();
  }

  stop(cause: Exclude<StopCause, null>): void {
    if (this.stoppedBy === null) this.stoppedBy = cause;
    this.controller.abort();
  }

  dispose(): void {
    this.#clearFirstTokenTimer();
    clearTimeout(this.#totalTimer);
    this.#unlink();
  }

  #clearFirstTokenTimer(): void {
    if (this.#firstTokenTimer) clearTimeout(this.#firstTokenTimer);
    this.#firstTokenTimer = null;
  }
}

/** Exponential backoff with jitter, for failures that did not say how long to wait. */
export function backoffMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.25);
}
