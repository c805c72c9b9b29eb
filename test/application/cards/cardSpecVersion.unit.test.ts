import { describe, expect, it } from "vitest";
import { readCardFile } from "../../../src/application/cards/readCardFile.ts";
import { fixtureJson } from "../../fixtures/cards/build.ts";

const asFile = (card: unknown) => new TextEncoder().encode(JSON.stringify(card));

/** CCv3: a card of a newer spec version is imported, and the operator is told it may hold more. */
describe("a card's spec version", () => {
  it("newer than 3.0: imported with a warning naming the version", () => {
    const card = { ...(fixtureJson("v3.json") as object), spec_version: "3.5" };
    const { card: read, warnings } = readCardFile(asFile(card));
    expect(read.spec).toBe("v3");
    expect(warnings).toEqual([expect.stringContaining("3.5")]);
  });

  it("3.0 or older, or not a number: no warning", () => {
    for (const version of ["3.0", "2.9", "three", undefined]) {
      const card = { ...(fixtureJson("v3.json") as object), spec_version: version };
      expect(readCardFile(asFile(card)).warnings, String(version)).toEqual([]);
    }
  });
});
