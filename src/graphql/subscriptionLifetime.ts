import type { GraphQLContext } from "./context.ts";

const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Lifetime {
  /** Aborted when the client leaves, the server stops, or the subscription ends. */
  signal: AbortSignal;
  dispose(): void;
}

/**
 * What every subscription shares: it counts as open until disposed, and it ends when the
 * viewer's token expires (`onExpired` is called then; the subscription reports UNAUTHENTICATED).
 */
export function subscriptionLifetime(
  context: GraphQLContext,
  onExpired: () => void,
  cancelled: AbortSignal,
): Lifetime {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, context.signal, cancelled]);
  const expiresAt = context.viewer?.principal.expiresAt;
  const timer = expiresAt
    ? setTimeout(onExpired, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now())))
    : null;
  context.services.onSubscription(1);
  const leave = context.viewer ? context.services.presence?.connected(context.viewer.userId) : undefined;
  let disposed = false;
  return {
    signal,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      if (timer) clearTimeout(timer);
      controller.abort();
      context.services.onSubscription(-1);
      leave?.();
    },
  };
}

/**
 * An async generator's `return()` waits while the generator is suspended on an await; this
 * aborts first, so a subscription waiting for news ends as soon as the client unsubscribes.
 */
export function cancellable<T>(start: (cancelled: AbortSignal) => AsyncGenerator<T>): AsyncIterable<T> {
  const controller = new AbortController();
  const generator = start(controller.signal);
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => generator.next(),
      return: (value?: unknown) => {
        controller.abort();
        return generator.return(value as never);
      },
      throw: (error?: unknown) => {
        controller.abort();
        return generator.throw(error);
      },
    }),
  };
}
