import { describe, expect, it } from "vitest";
import { erasedPersonCheck, personOfEvent } from "../../../src/application/privacy/erasedPeople.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import type { DataKeyStanding } from "../../../src/ports/dataKeys.ts";

const standings = (erased: readonly string[], failing = false) => ({
  standings: async (ids: readonly string[]) => {
    if (failing) throw new Error("database down");
    return new Map<string, DataKeyStanding>(
      ids.map((id) => [
        id,
        erased.includes(id) ? { state: "erased", erasedAt: new Date(0) } : { state: "none" },
      ]),
    );
  },
});

describe("whose event it is", () => {
  it("names the person of a conversation, a user stream or a userId field, and no one for an agent", () => {
    const of = (streamId: string, type = "AffinityChanged", data: unknown = {}) =>
      personOfEvent(withmePersonalData, { type, streamId, data });
    expect(of("conversation-u1-a1")).toBe("u1");
    expect(of("user-u2", "UserProfileUpdated", { userId: "u2" })).toBe("u2");
    expect(of("imagejob-j1", "ImageJobRequested", { userId: "u3", prompt: "x" })).toBe("u3");
    expect(of("imagejob-j1", "ImageJobSucceeded", { userId: "u4" })).toBe("u4");
    expect(of("agent-a1", "AgentLifeEventOccurred", { text: "x" })).toBeNull();
  });
});

describe("events of an erased person", () => {
  it("are told apart from everyone else's", async () => {
    const check = erasedPersonCheck(standings(["gone"]), withmePersonalData);
    expect(await check({ type: "UserMessageSent", streamId: "conversation-gone-a1", data: {} })).toBe(true);
    expect(await check({ type: "UserMessageSent", streamId: "conversation-kept-a1", data: {} })).toBe(false);
    expect(await check({ type: "AgentLifeEventOccurred", streamId: "agent-a1", data: {} })).toBe(false);
  });

  it("trace an event that names no one to the first event of its stream, once per stream", async () => {
    let reads = 0;
    const firstEventOf = async (streamId: string) => {
      reads++;
      return streamId === "imagejob-j1"
        ? { type: "ImageJobRequested", streamId, data: { userId: "gone", prompt: "x" } }
        : null;
    };
    const check = erasedPersonCheck(standings(["gone"]), withmePersonalData, firstEventOf);
    const step = { type: "ImageJobSucceeded", streamId: "imagejob-j1", data: { imageJobId: "j1" } };
    expect(await check(step)).toBe(true);
    expect(await check(step)).toBe(true);
    expect(reads).toBe(1);
    expect(await check({ ...step, streamId: "imagejob-j2" })).toBe(false);
  });

  it("never include PersonErased itself, and a failed lookup lets the work run", async () => {
    const check = erasedPersonCheck(standings(["gone"]), withmePersonalData);
    expect(await check({ type: "PersonErased", streamId: "user-gone", data: { userId: "gone" } })).toBe(
      false,
    );
    const failing = erasedPersonCheck(standings(["gone"], true), withmePersonalData);
    expect(await failing({ type: "UserMessageSent", streamId: "conversation-gone-a1", data: {} })).toBe(
      false,
    );
  });
});
