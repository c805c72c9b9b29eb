import { RequestCache } from "@pothos/plugin-scope-auth";
import type { GraphQLContext } from "./context.ts";

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Lifetime {
  /** Aborted when the client leaves, the server stops, or the subscription ends. */
  signal: AbortSignal;
  /** Runs `end` once when the subscription ends; at once when it already has. */
  onEnd(end: () => void): void;
  dispose(): void;
}

/**
 * What every subscription shares: it holds one of the viewer's subscription slots (RATE_LIMITED
 * when none is left) and counts as open until disposed, and it ends when the viewer's token
 * expires (`onExpired` is called then; the subscription reports UNAUTHENTICATED). `cancelled` is
 * the subscription's own controller (from `cancellable`), aborted here when the lifetime ends.
 */
export function subscriptionLifetime(
  context: GraphQLContext,
  onExpired: () => void,
  cancelled: AbortController,
): Lifetime {
  const controller = cancelled;
  const release = context.services.subscriptions.open(
    context.connection,
    context.viewer?.userId ?? null,
    () => controller.abort(),
  );
  // Listeners taken off at the end rather than AbortSignal.any, whose composite signal and weak
  // references every open subscription would otherwise carry.
  const signal = controller.signal;
  const abort = () => controller.abort();
  onAbort(context.signal, abort);
  const expiresAt = context.viewer?.principal.expiresAt;
  const timer = expiresAt
    ? setTimeout(onExpired, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now())))
    : null;
  context.services.onSubscription(1);
  const leave = context.viewer ? context.services.presence?.connected(context.viewer.userId) : undefined;
  let disposed = false;
  return {
    signal,
    onEnd: (end) => onAbort(signal, end),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      if (timer) clearTimeout(timer);
      controller.abort();
      context.signal.removeEventListener("abort", abort);
      release();
      context.services.onSubscription(-1);
      leave?.();
    },
  };
}

/**
 * Calls `handler` when the signal aborts, or at once when it already has: an aborted signal (and
 * `AbortSignal.any` over one) never fires listeners added afterwards.
 */
export function onAbort(signal: AbortSignal, handler: () => void): void {
  if (signal.aborted) handler();
  else signal.addEventListener("abort", handler, { once: true });
}

/**
 * Resolves when `promise` settles, the signal aborts or `atMostMs` have passed, whichever comes
 * first; leaves no timer or listener behind, since the signal lives as long as the subscription.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  atMostMs?: number,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(undefined);
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
    };
    const stop = () => {
      finish();
      resolve(undefined);
    };
    signal.addEventListener("abort", stop, { once: true });
    if (atMostMs !== undefined) timer = setTimeout(stop, atMostMs);
    promise.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error: unknown) => {
        finish();
        reject(error);
      },
    );
  });
}

/**
 * A subscription's source, started once subscribing is allowed. An async generator's `return()`
 * waits while the generator is suspended on an await; this aborts first, so a subscription waiting
 * for news ends as soon as the client unsubscribes.
 *
 * Scope-auth keeps a cache of the viewer's scopes for each context it checks, and a subscription's
 * context lives as long as the subscription. The check is made on subscribing (its events are not
 * checked again), so the cache is dropped here: an idle subscription then holds none, and any later
 * check builds a fresh one.
 */
export function cancellable<T>(
  context: GraphQLContext,
  start: (cancelled: AbortController) => AsyncGenerator<T>,
): AsyncIterable<T> {
  RequestCache.clearForContext(context);
  const controller = new AbortController();
  return new CancellableIterator(controller, start(controller));
}

/** A class rather than an object of closures: every open subscription holds one. */
class CancellableIterator<T> implements AsyncIterableIterator<T> {
  readonly #controller: AbortController;
  readonly #generator: AsyncGenerator<T>;

  constructor(controller: AbortController, generator: AsyncGenerator<T>) {
    this.#controller = controller;
    this.#generator = generator;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.#generator.next();
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    this.#controller.abort();
    return this.#generator.return(value as never);
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.#controller.abort();
    return this.#generator.throw(error);
  }
}
