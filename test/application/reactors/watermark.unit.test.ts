import { describe, expect, it } from "vitest";
import { Watermark } from "../../../src/application/reactors/watermark.ts";

describe("the reactor's watermark", () => {
  it("moves over passed-over events at once while nothing is in flight", () => {
    const mark = new Watermark("p0");
    mark.see("p1", false);
    mark.see("p2", false);
    expect(mark.safe).toBe("p2");
    expect(mark.inFlight).toBe(0);
  });

  it("stops at the oldest event in flight and passes what finished behind it once it is done", () => {
    const mark = new Watermark(null);
    const first = mark.see("p1", true);
    const second = mark.see("p2", true);
    mark.see("p3", false);
    expect(mark.inFlight).toBe(2);
    second.done();
    expect(mark.safe).toBeNull();
    expect(mark.inFlight).toBe(1);
    first.done();
    expect(mark.safe).toBe("p3");
    expect(mark.inFlight).toBe(0);
  });

  it("counts an event done once however often it is marked", () => {
    const mark = new Watermark(null);
    const first = mark.see("p1", true);
    mark.see("p2", true);
    first.done();
    first.done();
    expect(mark.inFlight).toBe(1);
    expect(mark.safe).toBe("p1");
  });

  it("keeps its place behind a slow event while many thousands pass by", () => {
    const mark = new Watermark(null);
    const slow = mark.see("p0", true);
    const done: { done(): void }[] = [];
    for (let i = 1; i <= 10_000; i++) {
      const ticket = mark.see(`p${i}`, i % 3 === 0);
      if (i % 3 === 0) done.push(ticket);
    }
    for (const ticket of done) ticket.done();
    expect(mark.safe).toBeNull();
    expect(mark.inFlight).toBe(1);
    slow.done();
    expect(mark.safe).toBe("p10000");
    const later = mark.see("p10001", true);
    mark.see("p10002", false);
    later.done();
    expect(mark.safe).toBe("p10002");
  });
});
