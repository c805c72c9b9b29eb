import {
  type Exchange,
  getOperationName,
  makeOperation,
  type Operation,
  type OperationResult,
} from "@urql/core";
import { filter, makeSubject, map, merge, pipe, share } from "wonka";

export const PERSISTED_MISS = "PERSISTED_QUERY_NOT_FOUND";

const hashOf = (operation: Operation): string | undefined => {
  const persisted = operation.extensions?.persistedQuery as { sha256Hash?: string } | undefined;
  return persisted?.sha256Hash;
};

const isMiss = (result: OperationResult) =>
  result.error?.graphQLErrors.some((error) => error.extensions?.code === PERSISTED_MISS) ?? false;

/**
 * Sends the build's operations by sha256 hash (`extensions.persistedQuery`) instead of their text.
 * A server that does not know a hash says PERSISTED_QUERY_NOT_FOUND before running anything, so
 * the operation is sent once more with its full document, and that hash is not tried again.
 */
export function persistedOperationsExchange(hashes: Readonly<Record<string, string>>): Exchange {
  const missing = new Set<string>();
  const withHash = (operation: Operation): Operation => {
    if (operation.kind === "teardown") return operation;
    const name = getOperationName(operation.query);
    const sha256Hash = name ? hashes[name] : undefined;
    if (!sha256Hash || missing.has(sha256Hash)) return operation;
    const extensions = { ...operation.extensions, persistedQuery: { version: 1 as const, sha256Hash } };
    return makeOperation(operation.kind, { ...operation, extensions }, operation.context);
  };
  const withoutHash = (operation: Operation): Operation => {
    const { persistedQuery: _, ...extensions } = operation.extensions ?? {};
    return makeOperation(operation.kind, { ...operation, extensions }, operation.context);
  };
  return ({ forward }) =>
    (operations$) => {
      const retries = makeSubject<Operation>();
      const results$ = pipe(merge([pipe(operations$, map(withHash)), retries.source]), forward, share);
      return pipe(
        results$,
        filter((result) => {
          const hash = hashOf(result.operation);
          if (!hash || !isMiss(result)) return true;
          missing.add(hash);
          retries.next(withoutHash(result.operation));
          return false;
        }),
      );
    };
}
