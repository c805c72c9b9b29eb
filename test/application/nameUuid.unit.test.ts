import { v5 } from "uuid";
import { describe, expect, it } from "vitest";
import { uuidv5 } from "../../src/application/nameUuid.ts";

const namespaces = ["c5a3e1d2-8f47-4b6a-a0e9-3d7b2c4f5e61", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"];

describe("uuidv5", () => {
  it("gives the ids the uuid package gives, for any name", () => {
    const names = ["", "send-message:abc:0", "héllo wörld", "日本語", "🙂:1", "a".repeat(1_000), "\u0000x"];
    for (const namespace of namespaces)
      for (const name of names) expect(uuidv5(name, namespace), name).toBe(v5(name, namespace));
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidv5("x", "not-a-uuid")).toThrow(TypeError);
  });
});
