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
  it("never passes on what a library put beside the code about the server's insides", () => {
    const internals = { name: "SyntaxError", message: 'Unexpected token "{nope" at position 1' };
    for (const code of ["BAD_REQUEST", "BAD_USER_INPUT", "NOT_FOUND"]) {
      const { error } = toApiError(
        new GraphQLError("POST body sent invalid JSON.", {
          extensions: {
            code,
            originalError: internals,
            stacktrace: ["at parse (x.js:1)"],
            http: { status: 400 },
          },
        }),
      );
      expect(error.extensions).not.toHaveProperty("originalError");
      expect(error.extensions).not.toHaveProperty("stacktrace");
      expect(error.extensions).toMatchObject({ http: { status: 400 } });
      expect(JSON.stringify(error.toJSON())).not.toContain("position 1");
    }
  });

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

  it("asks to try again, without blaming the request, when the database is busy or out of reach", () => {
    const poolTimeout = new Error("timeout exceeded when trying to connect");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const tooMany = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    for (const cause of [poolTimeout, refused, tooMany]) {
      const { error, unexpected } = toApiError(wrap(cause));
      expect(error.extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).not.toContain("127.0.0.1");
      expect(unexpected).toBe(true);
    }
    expect(codeOf(wrap(new Error("a bug")))).toBe("INTERNAL_SERVER_ERROR");
  });

  it("words a schema's limits plainly, and keeps a schema's own message", () => {
    const message = (schema: z.ZodType, value: unknown) =>
      toApiError(wrap(schema.safeParse(value).error!)).error.message;
    const input = z.object({
      prompt: z.string().trim().min(3),
      name: z.string().min(1),
      tags: z.array(z.string()).max(2),
      limit: z.number().int().min(1).max(100),
      logic: z.enum(["andAny", "notAny"]),
      text: z.string().min(1, "write something before sending."),
    });
    const good = { prompt: "abc", name: "x", tags: [], limit: 5, logic: "andAny", text: "hi" };
    expect(message(input, { ...good, prompt: " a " })).toBe(
      "Check the input: prompt: must be at least 3 characters.",
    );
    expect(message(input, { ...good, name: "" })).toBe("Check the input: name: must not be empty.");
    expect(message(input, { ...good, tags: ["a", "b", "c"] })).toBe(
      "Check the input: tags: must have at most 2 items.",
    );
    expect(message(input, { ...good, limit: 0 })).toBe("Check the input: limit: must be 1 or more.");
    expect(message(input, { ...good, limit: 1.5 })).toBe("Check the input: limit: must be a whole number.");
    expect(message(input, { ...good, logic: "x" })).toBe(
      "Check the input: logic: must be one of andAny, notAny.",
    );
    expect(message(input, { ...good, text: "" })).toBe(
      "Check the input: text: write something before sending.",
    );
    expect(message(input, { ...good, name: 3 })).toBe("Check the input: name: must be text.");
  });

  it("tells the first few of thousands of issues, not every one", () => {
    const days = z.array(z.enum(["mon", "tue"]));
    const { error } = toApiError(wrap(days.safeParse(Array.from({ length: 3000 }, () => "funday")).error!));
    expect(error.message).toBe(
      `Check the input: ${[0, 1, 2, 3, 4].map((i) => `${i}: must be one of mon, tue`).join("; ")}; and 2995 more like these.`,
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
