import { describe, expect, it } from "vitest";
import { StreamIds } from "../../../projections/runner/streamIds.ts";

describe("stream ids shared by the events a process projects", () => {
  it("gives back the id it was given, keeping one entry per stream", () => {
    const ids = new StreamIds();
    const id = (n: number) => ["conversation", "u", String(n)].join("-");
    expect(ids.shared(id(1))).toBe("conversation-u-1");
    expect(ids.shared(id(1))).toBe("conversation-u-1");
    expect(ids.shared(id(2))).toBe("conversation-u-2");
    expect(ids.size).toBe(2);
  });

  it("starts afresh once it holds its limit, so it never outgrows the streams in use", () => {
    const ids = new StreamIds(2);
    ids.shared("a");
    ids.shared("b");
    expect(ids.shared("c")).toBe("c");
    expect(ids.size).toBe(1);
    expect(ids.shared("a")).toBe("a");
    expect(ids.size).toBe(2);
  });
});
