import type { GraphQLError } from "graphql";
import { ZodError } from "zod";
import { isMissingReadModel } from "../../projections/runner/readModelOr.ts";
import { isTransient } from "../../projections/runner/transientErrors.ts";
import { BasePortraitsUnavailableError } from "../application/agents/basePortraitQueue.ts";
import { DomainError } from "../domain/shared/decider.ts";
import { withIndefiniteArticle } from "../domain/shared/indefiniteArticle.ts";
import { AuthenticationError } from "../ports/authenticator.ts";
import { SubjectErasedError } from "../ports/dataKeys.ts";
import { ConcurrencyError, DuplicateEventIdError } from "../ports/eventStore.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";

/** The codes a client can rely on in `extensions.code`. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new graphqlRuntime.GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message: string) => apiError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => apiError("FORBIDDEN", message);
export const notFound = (message: string) => apiError("NOT_FOUND", message);
export const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  apiError("BAD_USER_INPUT", message, extensions);

/** At most this many issues are told: a list of thousands of bad items would otherwise be echoed item by item. */
const ISSUES_TOLD = 5;

/** Zod issues as one readable sentence, naming the input fields. */
function describeIssues(error: ZodError): string {
  const told = error.issues
    .slice(0, ISSUES_TOLD)
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${readable(issue)}`)
    .join("; ");
  const more = error.issues.length - ISSUES_TOLD;
  return more > 0 ? `${told}; and ${more} more like these` : told;
}

/** Zod's own wording ("Too small: expected string to have >=3 characters") in plain words; a schema's own message stays. */
function readable(issue: ZodError["issues"][number]): string {
  if (!/^(?:Too (?:small|big)|Invalid (?:input|option|string|number))\b/.test(issue.message))
    return issue.message;
  switch (issue.code) {
    case "too_small":
    case "too_big": {
      const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const least = issue.code === "too_small";
      const exact = issue.inclusive !== false;
      if (issue.origin === "string")
        return least && limit <= 1
          ? "must not be empty"
          : `must be ${least ? "at least" : "at most"} ${limit} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return `must have ${least ? "at least" : "at most"} ${limit} item${limit === 1 ? "" : "s"}`;
      if (exact) return `must be ${limit} or ${least ? "more" : "less"}`;
      return `must be ${least ? "more" : "less"} than ${limit}`;
    }
    case "invalid_type":
      return issue.expected === "int" ? "must be a whole number" : `must be ${article(issue.expected)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  if (type === "string") return "text";
  return withIndefiniteArticle(type);
}

/**
 * Turns whatever a resolver threw into an error a person can act on. Known failures keep their
 * message and get a code; anything else is masked, and `unexpected` tells the caller to log it.
 */
export function toApiError(error: unknown): { error: GraphQLError; unexpected: boolean } {
  const wrapped = isGraphQLError(error) ? error : null;
  const original = wrapped?.originalError ?? error;
  if (isGraphQLError(original) && typeof original.extensions?.code === "string")
    return { error: onContract(original), unexpected: false };
  if (original instanceof DomainError)
    return {
      error: apiError(original.code, original.message, { reason: original.reason, ...original.details }),
      unexpected: false,
    };
  if (original instanceof AuthenticationError)
    return { error: unauthenticated(`${capitalise(original.message)}.`), unexpected: false };
  if (original instanceof ZodError)
    return {
      error: badInput(`Check the input: ${describeIssues(original).replace(/\.$/, "")}.`),
      unexpected: false,
    };
  if (original instanceof ConcurrencyError || original instanceof DuplicateEventIdError)
    return {
      error: apiError("CONFLICT", "Someone changed this at the same moment; try again."),
      unexpected: false,
    };
  // Writing anything for an erased person (an admin naming them by userId) finds no one to write for.
  if (original instanceof SubjectErasedError)
    return { error: notFound("This person was erased; nothing more is kept for them."), unexpected: false };
  if (original instanceof BasePortraitsUnavailableError)
    return { error: apiError("SERVICE_UNAVAILABLE", original.message), unexpected: false };
  // Just after a first start, before the projector has created a read model a read needs whole.
  if (isMissingReadModel(original))
    return {
      error: apiError("SERVICE_UNAVAILABLE", "withme is still setting itself up; try again in a moment."),
      unexpected: false,
    };
  // The database out of reach or every connection busy: worth a retry, and no fault of the request.
  // Still logged as unexpected, so that an operator sees it.
  if (isTransient(original))
    return {
      error: apiError(
        "SERVICE_UNAVAILABLE",
        "withme is busy or a service it needs is out of reach; try again in a moment.",
      ),
      unexpected: true,
    };
  // GraphQL errors all the way down (parse, validation, variable coercion) are about the request.
  if (wrapped && onlyGraphQLErrors(wrapped)) return { error: asBadInput(wrapped), unexpected: false };
  return {
    error: apiError("INTERNAL_SERVER_ERROR", "Something went wrong on our side; try again in a moment."),
    unexpected: true,
  };
}

/** Codes yoga and graphql-js use for a request that cannot run; to a client they are all bad input. */
const REQUEST_CODES = new Set([
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_ONLY",
]);

function onContract(error: GraphQLError): GraphQLError {
  if (REQUEST_CODES.has(String(error.extensions.code))) return asBadInput(error);
  return INTERNAL_EXTENSIONS.some((key) => key in error.extensions)
    ? withExtensions(error, error.extensions)
    : error;
}

/** What a library may put beside the code that tells a caller about the server's insides. */
const INTERNAL_EXTENSIONS = ["originalError", "stacktrace", "exception", "stack"];

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  const shown = Object.fromEntries(
    Object.entries(extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)),
  );
  return new graphqlRuntime.GraphQLError(error.message.replace(ARMOR_REFUSAL, ""), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: shown,
  });
}

/** graphql-armor words its limits as syntax errors ("Syntax Error: Aliases limit of 15 exceeded"). */
export const ARMOR_REFUSAL = /^Syntax Error: (?=[\w ]*limit of )/;

/**
 * The same error, message and locations, coded BAD_USER_INPUT (yoga's HTTP status hint is kept,
 * what a library added about the server's insides, such as `originalError`, is not).
 */
export function asBadInput(error: GraphQLError): GraphQLError {
  return withExtensions(error, { ...error.extensions, code: "BAD_USER_INPUT" });
}

function onlyGraphQLErrors(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as GraphQLError).originalError)
    if (!isGraphQLError(cause)) return false;
  return true;
}

/**
 * By shape rather than `instanceof`: graphql can be loaded twice (its CommonJS and ESM builds), and
 * an error from the other copy is still a GraphQL error.
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof Error && value.name === "GraphQLError" && "extensions" in value;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
