import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from "graphql";

/**
 * Errors as a WebSocket client receives them: `extensions.http` (a status or header meant for an
 * HTTP response) means nothing on a socket, and would show how the server sorts its answers.
 */
export function socketError(error: GraphQLError): GraphQLFormattedError {
  // Results shared between subscribers may hold errors that are formatted already.
  const formatted: GraphQLFormattedError =
    typeof error.toJSON === "function" ? error.toJSON() : (error as GraphQLFormattedError);
  if (!formatted.extensions || !("http" in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** A result with its errors made socket errors; undefined (send as it is) when it has none. */
export function socketResult(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors?.length) return undefined;
  return { ...result, errors: result.errors.map(socketError) } as FormattedExecutionResult;
}
