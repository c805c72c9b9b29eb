import { describe, expect, it } from "vitest";
import { insertAtDepth } from "../../../src/domain/lorebook/placement.ts";

describe("entries inserted at a depth among the messages", () => {
  const chat = ["m1", "m2", "m3"];

  it("counts from the newest message: 0 after it, 1 before it, more than there are before the oldest", () => {
    expect(insertAtDepth(chat, [{ depth: 0, message: "d0" }])).toEqual(["m1", "m2", "m3", "d0"]);
    expect(insertAtDepth(chat, [{ depth: 1, message: "d1" }])).toEqual(["m1", "m2", "d1", "m3"]);
    expect(insertAtDepth(chat, [{ depth: 9, message: "d9" }])).toEqual(["d9", "m1", "m2", "m3"]);
  });

  it("keeps several entries at one depth in their order, beside entries at other depths", () => {
    expect(
      insertAtDepth(chat, [
        { depth: 1, message: "a" },
        { depth: 2, message: "b" },
        { depth: 1, message: "c" },
        { depth: 0, message: "d" },
      ]),
    ).toEqual(["m1", "b", "m2", "a", "c", "m3", "d"]);
  });
});
