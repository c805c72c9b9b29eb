import { RequestCache } from "@pothos/plugin-scope-auth";
import type { GraphQLContext } from "./context.ts";
import { forbidden } from "./errors.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";

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
  onDemoted?: () => void,
): Lifetime {
  return new SubscriptionLifetime(context, onExpired, cancelled, onDemoted);
}

/** A class rather than closures over the setup: every open subscription holds one. */
class SubscriptionLifetime implements Lifetime {
  readonly #context: GraphQLContext;
  readonly #controller: AbortController;
  readonly #release: () => void;
  readonly #timer: NodeJS.Timeout | null;
  readonly #leave: (() => void) | undefined;
  readonly #unwatchRole: (() => void) | undefined;
  #disposed = false;

  /** `onDemoted` is called when an admin's newer token shows them demoted, for what needs the role. */
  constructor(
    context: GraphQLContext,
    onExpired: () => void,
    cancelled: AbortController,
    onDemoted?: () => void,
  ) {
    this.#context = context;
    this.#controller = cancelled;
    this.#release = context.services.subscriptions.open(
      context.connection,
      context.viewer?.userId ?? null,
      // The reason reaches the client as the stream's last result (see CancellableIterator.next).
      () => cancelled.abort(forbidden("This account was deleted and its data erased.")),
    );
    // The lifetime listens itself (`handleEvent`), taken off at the end, rather than through
    // AbortSignal.any, whose composite signal and weak references every subscription would carry.
    if (context.signal.aborted) cancelled.abort();
    else context.signal.addEventListener("abort", this, { once: true });
    const expiresAt = context.viewer?.principal.expiresAt;
    this.#timer = expiresAt
      ? setTimeout(onExpired, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now())))
      : null;
    context.services.onSubscription(1);
    this.#leave = context.viewer ? context.services.presence?.connected(context.viewer.userId) : undefined;
    this.#unwatchRole =
      onDemoted && context.viewer?.role === "admin"
        ? context.services.roles?.onDemoted(context.viewer.userId, onDemoted)
        : undefined;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The connection's or the server's signal aborted. */
  handleEvent(): void {
    this.#controller.abort();
  }

  onEnd(end: () => void): void {
    onAbort(this.#controller.signal, end);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#controller.abort();
    this.#context.signal.removeEventListener("abort", this);
    this.#release();
    this.#context.services.onSubscription(-1);
    this.#leave?.();
    this.#unwatchRole?.();
  }
}

/**
 * Calls `handler` when the signal aborts, or at once when it already has: an aborted signal (and
 * `AbortSignal.any` over one) never fires listeners added afterwards.
 */
function onAbort(signal: AbortSignal, handler: () => void): void {
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
  #reported = false;

  constructor(controller: AbortController, generator: AsyncGenerator<T>) {
    this.#controller = controller;
    this.#generator = generator;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * A subscription ended for a reason the client must hear (its person was erased: the WebSocket
   * closes with 4403 then) ends with that error rather than completing silently, so an SSE client
   * learns it too.
   */
  async next(): Promise<IteratorResult<T>> {
    const result = await this.#generator.next();
    const reason: unknown = this.#controller.signal.reason;
    if (result.done && reason instanceof graphqlRuntime.GraphQLError && !this.#reported) {
      this.#reported = true;
      throw reason;
    }
    return result;
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
