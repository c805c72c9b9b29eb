import { describe, expect, it } from "vitest";
import { displayNameFromSignIn } from "../../../src/domain/user/rules.ts";

describe("the display name a sign-in brings", () => {
  it.each([
    ["Eve", "Eve"],
    ["  Eve  ", "Eve"],
    ["Eve\u0000\u0007Null", "EveNull"],
    ["Eve\ud800", "Eve\ufffd"],
    ["E".repeat(500), "E".repeat(60)],
    [`${"a".repeat(58)}👩‍👩‍👧`, "a".repeat(58)],
    [`${"a".repeat(55)}👩‍👩‍👧`, `${"a".repeat(55)}👩‍👩‍👧`],
    ["\u200b \u2800", "Guest"],
    [42, "Guest"],
    [{ name: "Eve" }, "Guest"],
    [null, "Guest"],
  ])("keeps %j as %j", (raw, kept) => {
    expect(displayNameFromSignIn(raw)).toBe(kept);
  });
});
