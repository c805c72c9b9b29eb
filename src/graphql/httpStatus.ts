import type { ExecutionResult, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { graphqlRuntime } from "./graphqlRuntime.ts";

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * GraphQL over HTTP: a response without `data` means the request never ran, and
 * `application/graphql-response+json` must then say so with a 4xx (the code's own status). The
 * hint is marked as the spec's, so legacy `application/json` clients keep their 200.
 */
export function httpStatusPlugin(): Plugin {
  return {
    onResultProcess: ({ result, setResult }) => {
      if (Array.isArray(result) || !isSingleResult(result)) return;
      if ("data" in result || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map(withStatus) });
    },
  };
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === "object" && result !== null && !(Symbol.asyncIterator in result);
}

function withStatus(error: GraphQLError): GraphQLError {
  const http = error.extensions?.http as { status?: number } | undefined;
  if (http?.status) return error;
  const status = STATUS_BY_CODE[String(error.extensions?.code)];
  if (!status) return error;
  return new graphqlRuntime.GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, http: { ...http, status, spec: true } },
  });
}
