import { describe, expect, it } from "vitest";
import { closedForErasure } from "../../client/src/auth/accountErased.ts";
import { ACCOUNT_DELETED_CLOSE } from "../../src/graphql/websocket.ts";

describe("telling an erased account from a refused sign-in on a socket's close", () => {
  it("reads the server's close for an erased account as the erasure", () => {
    expect(closedForErasure(...ACCOUNT_DELETED_CLOSE)).toBe(true);
  });

  it("leaves a refused token, and other codes, as they were", () => {
    expect(closedForErasure(4403, "Forbidden")).toBe(false);
    expect(closedForErasure(1000, ACCOUNT_DELETED_CLOSE[1])).toBe(false);
  });
});
