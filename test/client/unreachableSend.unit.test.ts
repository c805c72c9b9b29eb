import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { wasUnreachable } from "../../client/src/chat/useSending.ts";

describe("which failed sends go again by themselves once the page is connected", () => {
  it("resends a message the server never answered", () => {
    expect(wasUnreachable(new CombinedError({ networkError: new TypeError("Failed to fetch") }))).toBe(true);
  });

  it("leaves a message the server refused to the person's Retry or Discard", () => {
    for (const code of ["BAD_USER_INPUT", "RATE_LIMITED", "FORBIDDEN", "CONFLICT"]) {
      const refusal = new GraphQLError("Refused.", { extensions: { code } });
      expect(wasUnreachable(new CombinedError({ graphQLErrors: [refusal] }))).toBe(false);
    }
    expect(wasUnreachable(undefined)).toBe(false);
  });
});
