import { Map as ImmutableMap } from "immutable";
import { describe, expect, it } from "vitest";
import { eventsToldIn } from "../../../src/application/engine/eventsTold.ts";
import type { RememberedFact } from "../../../src/domain/conversation/rememberedFact.ts";

const fact = (text: string, forgotten = false): RememberedFact => ({
  text,
  kind: "plan",
  sourceMessageIds: ["m"],
  quote: null,
  recordedAt: "2026-12-02T19:00:00Z",
  correctedAt: null,
  forgotten,
});

describe("the events a conversation's facts tell with a time", () => {
  it("are the facts that name when, not the forgotten ones, read once per version of the facts", () => {
    const facts = ImmutableMap<string, RememberedFact>([
      ["a", fact("Sam has an exam on friday")],
      ["b", fact("Sam loves hiking")],
      ["c", fact("Sam is moving house tomorrow", true)],
    ]);
    const told = eventsToldIn(facts);
    expect(told).toEqual([{ text: "Sam has an exam on friday", recordedAt: "2026-12-02T19:00:00Z" }]);
    expect(eventsToldIn(facts)).toBe(told);
    expect(eventsToldIn(facts.set("d", fact("Sam is flying to rome in two weeks")))).toHaveLength(2);
  });
});
