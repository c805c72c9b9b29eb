import { ANY, NO_STREAM, STREAM_EXISTS } from "@eventstore/db-client";
import { describe, expect, it } from "vitest";
import {
  comparePositions,
  formatPosition,
  isSystemEvent,
  parsePosition,
  toActualRevision,
  toClientExpectedRevision,
} from "../../../src/adapters/eventstoredb/eventStoreDbMapping.ts";
import { START } from "../../../src/ports/eventStore.ts";

describe("EventStoreDB mapping", () => {
  it("maps expected revisions to the client's", () => {
    expect(toClientExpectedRevision("any")).toBe(ANY);
    expect(toClientExpectedRevision("no_stream")).toBe(NO_STREAM);
    expect(toClientExpectedRevision("stream_exists")).toBe(STREAM_EXISTS);
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
    expect(() => toClientExpectedRevision(-1)).toThrow(/non-negative integer/);
    expect(() => toClientExpectedRevision(1.5)).toThrow(/non-negative integer/);
  });

  it("reads the actual revision of a WrongExpectedVersion, null for a missing stream", () => {
    expect(toActualRevision(NO_STREAM)).toBeNull();
    expect(toActualRevision(-1n)).toBeNull();
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(7n)).toBe(7);
  });

  it("writes positions as commit:prepare and reads them back", () => {
    const position = { commit: 18_446_744_073_709_551_000n, prepare: 12n };
    expect(formatPosition(position)).toBe("18446744073709551000:12");
    expect(parsePosition(formatPosition(position))).toEqual(position);
    expect(parsePosition(START)).toBe("start");
    expect(() => parsePosition("12")).toThrow(/not an EventStoreDB position/);
    expect(() => parsePosition("1:-2")).toThrow(/not an EventStoreDB position/);
  });

  it("orders positions by commit, then prepare, with START first", () => {
    const ordered = [START, "0:0", "0:5", "9:9", "10:2", "10:3", "9007199254740993:0"];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(comparePositions)).toEqual(ordered);
    expect(comparePositions("10:3", "10:3")).toBe(0);
    expect(comparePositions(START, START)).toBe(0);
    // bigints, not floating point: these two differ only beyond 2^53
    expect(comparePositions("9007199254740993:0", "9007199254740992:0")).toBe(1);
  });

  it("recognises the server's own events by their stream or type", () => {
    expect(isSystemEvent({ type: "$metadata", streamId: "$$user-1" })).toBe(true);
    expect(isSystemEvent({ type: "$>", streamId: "$ce-user" })).toBe(true);
    expect(isSystemEvent({ type: "Noted", streamId: "$stats-127.0.0.1:2113" })).toBe(true);
    expect(isSystemEvent({ type: "UserRegistered", streamId: "user-1" })).toBe(false);
  });
});
