import { describe, expect, it } from "vitest";
import { userIdFor } from "../../../src/application/users/registerUser.ts";

describe("user ids from sign-ins", () => {
  it("maps the same provider and subject to the same id, and keeps providers apart", () => {
    expect(userIdFor({ provider: "supabase", subject: "abc" })).toBe(
      userIdFor({ provider: "supabase", subject: "abc" }),
    );
    expect(userIdFor({ provider: "supabase", subject: "abc" })).not.toBe(
      userIdFor({ provider: "dev", subject: "abc" }),
    );
    expect(userIdFor({ provider: "dev", subject: "dev:alice" })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
  });
});
