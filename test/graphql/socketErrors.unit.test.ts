import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { socketError, socketResult } from "../../src/graphql/socketErrors.ts";

describe("errors sent over a WebSocket", () => {
  it("leave out the HTTP status and headers meant for an HTTP answer", () => {
    const error = new GraphQLError("Too deep.", {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400, spec: true }, limit: 64 },
    });
    expect(socketError(error)).toEqual({
      message: "Too deep.",
      extensions: { code: "BAD_USER_INPUT", limit: 64 },
    });
  });

  it("keep a result without errors as it is", () => {
    expect(socketResult({ data: { me: null } })).toBeUndefined();
    const withError = socketResult({
      data: null,
      errors: [new GraphQLError("No.", { extensions: { code: "FORBIDDEN" } })],
    });
    expect(withError).toEqual({
      data: null,
      errors: [{ message: "No.", extensions: { code: "FORBIDDEN" } }],
    });
  });
});

describe("errors already formatted (shared between subscribers)", () => {
  it("are read as they are", () => {
    const formatted = { message: "Gone.", extensions: { code: "NOT_FOUND", http: { status: 404 } } };
    expect(socketError(formatted as unknown as GraphQLError)).toEqual({
      message: "Gone.",
      extensions: { code: "NOT_FOUND" },
    });
  });
});
