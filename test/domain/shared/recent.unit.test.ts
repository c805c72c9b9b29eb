import { describe, expect, it } from "vitest";
import { withNewest } from "../../../src/domain/shared/recent.ts";

describe("withNewest", () => {
  it("adds at the end while there is room, leaving the given list as it was", () => {
    const items = Object.freeze([1, 2]);
    expect(withNewest(items, 3, 5)).toEqual([1, 2, 3]);
    expect(items).toEqual([1, 2]);
  });

  it("drops the oldest once the limit is reached", () => {
    expect(withNewest([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
  });

  it("keeps only the newest of a list longer than the limit", () => {
    expect(withNewest([1, 2, 3, 4, 5], 6, 2)).toEqual([5, 6]);
  });

  it("starts a list from nothing", () => {
    expect(withNewest<string>([], "a", 1)).toEqual(["a"]);
  });
});
