import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BasePortraitsUnavailableError } from "../../src/application/agents/basePortraitQueue.ts";
import { DomainError } from "../../src/domain/shared/decider.ts";
import { toApiError } from "../../src/graphql/errors.ts";
import { AuthenticationError } from "../../src/ports/authenticator.ts";
import { ConcurrencyError } from "../../src/ports/eventStore.ts";

const wrap = (error: Error) => new GraphQLError(error.message, { originalError: error });
const codeOf = (error: unknown) => toApiError(error).error.extensions.code;

describe("errors a person sees", () => {
  it("keeps a domain rule's code, message and reason", () => {
    const { error, unexpected } = toApiError(
      wrap(new DomainError("MessageTooLong", "BAD_USER_INPUT", "Shorten it.")),
    );
    expect(unexpected).toBe(false);
    expect(error.message).toBe("Shorten it.");
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "MessageTooLong" });
  });

  it("maps sign-in failures, zod issues, races and missing portraits to their codes", () => {
    expect(codeOf(wrap(new AuthenticationError("the sign-in token has expired")))).toBe("UNAUTHENTICATED");
    const issue = z.object({ text: z.string().max(2) }).safeParse({ text: "long" }).error!;
    const { error } = toApiError(wrap(issue));
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/^Check the input: text: /);
    expect(codeOf(wrap(new ConcurrencyError("s", 1, 2)))).toBe("CONFLICT");
    expect(codeOf(wrap(new BasePortraitsUnavailableError()))).toBe("SERVICE_UNAVAILABLE");
    expect(codeOf(new GraphQLError('Variable "$id" of required type "ID!" was not provided.'))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("maps a variable that fails coercion, and yoga's request codes, to BAD_USER_INPUT", () => {
    const inner = new GraphQLError("ID cannot represent value: { a: 1 }");
    const coercion = new GraphQLError('Variable "$id" got invalid value { a: 1 }', { originalError: inner });
    expect(toApiError(coercion)).toMatchObject({
      unexpected: false,
      error: { extensions: { code: "BAD_USER_INPUT" } },
    });
    for (const code of ["GRAPHQL_PARSE_FAILED", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE"]) {
      const { error } = toApiError(new GraphQLError("no", { extensions: { code, http: { status: 400 } } }));
      expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", http: { status: 400 } });
    }
    expect(codeOf(new GraphQLError("again", { extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }))).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
  });

  it("masks anything unexpected and says so", () => {
    const { error, unexpected } = toApiError(wrap(new Error("connection string postgres://secret@db")));
    expect(unexpected).toBe(true);
    expect(error.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toContain("secret");
  });
});
