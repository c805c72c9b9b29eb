import { describe, expect, it } from "vitest";
import { checkEntry } from "../../../src/domain/lorebook/entryRules.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { entryInput } from "./fixtures.ts";

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected the entry to be refused");
};

describe("checkEntry", () => {
  it("refuses an entry with neither keys nor content, constant or not", () => {
    for (const constant of [false, true]) {
      const error = refusal(() => checkEntry(entryInput("e", { keys: [" ", ""], content: "  ", constant })));
      expect(error).toMatchObject({ reason: "LorebookEntryInvalid", code: "BAD_USER_INPUT" });
      expect(error.message).toMatch(/content and the keys/);
    }
  });

  it("keeps a constant entry with content and no keys, as SillyTavern does", () => {
    expect(checkEntry(entryInput("e", { keys: [], constant: true, content: "Always here." }))).toMatchObject({
      keys: [],
      constant: true,
    });
  });

  it("names the range when an order is out of it", () => {
    for (const insertionOrder of [2_000_000, -1_000_001]) {
      const error = refusal(() => checkEntry(entryInput("e", { insertionOrder })));
      expect(error.message).toBe(
        "Give the entry's insertion order as a whole number from -1,000,000 to 1,000,000.",
      );
    }
  });
});
