import type { DocumentNode, ExecutionArgs, ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { graphqlRuntime } from "./graphqlRuntime.ts";

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Each event's results, by the operation that selected them; gone with the event. */
const resultsOf = new WeakMap<object, Map<string, Result>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/**
 * A subscription's events are worked out once per event and operation, not once per subscriber:
 * a reply delta reaches every watcher of the conversation as one object (see `LiveTopics`), and
 * watchers sending the same document with the same variables get the very same result. An event
 * object is only ever handed to watchers allowed to see it (one person's conversation), and what
 * it shows depends on the event and the selection alone. Set-up errors keep the executor's own shape.
 */
export function sharedEventResultsPlugin(): Plugin {
  return {
    onSubscribe: ({ subscribeFn, setSubscribeFn }) => {
      setSubscribeFn(async (args) => {
        const source = await graphqlRuntime.createSourceEventStream(args);
        if (!isAsyncIterable(source)) return subscribeFn(args);
        return eventResults(source[Symbol.asyncIterator](), args);
      });
    },
  };
}

function eventResults(
  source: AsyncIterator<unknown>,
  args: ExecutionArgs,
): AsyncIterableIterator<ExecutionResult> {
  const operation = operationKey(args);
  const run = (payload: unknown): Result => {
    if (typeof payload !== "object" || payload === null)
      return graphqlRuntime.execute({ ...args, rootValue: payload });
    const results = resultsOf.get(payload) ?? new Map<string, Result>();
    resultsOf.set(payload, results);
    const known = results.get(operation);
    if (known) return known;
    const result = graphqlRuntime.execute({ ...args, rootValue: payload });
    results.set(operation, result);
    return result;
  };
  const located = (error: unknown) => {
    const cause = error instanceof Error ? error : new Error(String(error));
    const node = graphqlRuntime.getOperationAST(args.document, args.operationName);
    return new graphqlRuntime.GraphQLError(cause.message, { originalError: cause, nodes: node ?? undefined });
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    next: async () => {
      let step: IteratorResult<unknown>;
      try {
        step = await source.next();
      } catch (error) {
        throw located(error);
      }
      if (step.done) return { done: true, value: undefined };
      // Results are shared and mostly worked out already: awaiting one would cost every watcher a turn.
      const result = run(step.value);
      return { done: false, value: isPromiseLike(result) ? await result : result };
    },
    return: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error?: unknown) => {
      await source.return?.();
      throw error;
    },
  };
  return iterator;
}

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(args.document, id);
  }
  return `${id}:${args.operationName ?? ""}:${JSON.stringify(args.variableValues ?? {})}`;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>).then === "function";
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === "function";
}
