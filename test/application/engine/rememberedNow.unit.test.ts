import { Map as ImmutableMap } from "immutable";
import { describe, expect, it } from "vitest";
import type { RetrievedMemory } from "../../../src/application/engine/memoryRetrieval.ts";
import { factVectorId } from "../../../src/application/engine/memoryVectorIds.ts";
import { asRememberedNow } from "../../../src/application/engine/rememberedNow.ts";
import type { RememberedFact } from "../../../src/domain/conversation/rememberedFact.ts";

const recorded = "2026-06-10T10:00:00.000Z";

function fact(text: string, change: Partial<RememberedFact> = {}): RememberedFact {
  const base = { kind: "place", sourceMessageIds: ["m1"], quote: null, recordedAt: recorded };
  return { ...base, text, correctedAt: null, forgotten: false, ...change } as RememberedFact;
}

/** What a vector index a moment behind the log still finds: each fact in the words it was recorded in. */
function found(factId: string, text: string): RetrievedMemory {
  const base = { score: 1, kind: "fact", factKind: "place", at: recorded, sourceMessageIds: ["m1"] };
  return { ...base, id: factVectorId(factId), text } as RetrievedMemory;
}

describe("recalled memories as the conversation knows them now", () => {
  const index = [
    found("f1", "Sam lives in Berlin"),
    found("f2", "Sam has a dog"),
    found("f3", "Sam is a nurse"),
  ];
  const memoryFacts = ImmutableMap([
    ["f1", fact("Sam lives in Munich", { correctedAt: "2026-06-10T10:05:00.000Z" })],
    ["f2", fact("Sam has a dog", { forgotten: true })],
    ["f3", fact("Sam is a nurse")],
  ]);

  it("says a fact corrected before the index caught up in its corrected words", () => {
    const now = asRememberedNow(index, { memoryFacts });
    expect(now.map((memory) => memory.text)).toEqual(["Sam lives in Munich", "Sam is a nurse"]);
  });

  it("leaves out a summary drawn from a message that told a fact since forgotten or corrected", () => {
    const summary = (id: string, text: string, sourceMessageIds: string[]) =>
      ({ ...found(id, text), id, kind: "summary", factKind: null, sourceMessageIds }) as RetrievedMemory;
    const memories = [
      summary("s1", "Sam talked about their dog Rex and Berlin.", ["m0", "m1"]),
      summary("s2", "Sam talked about the weather.", ["m2"]),
    ];
    expect(asRememberedNow(memories, { memoryFacts }).map((memory) => memory.id)).toEqual(["s2"]);
  });

  it("leaves the memories alone when nothing was corrected or forgotten", () => {
    const memories = [found("f3", "Sam is a nurse")];
    expect(asRememberedNow(memories, { memoryFacts: ImmutableMap([["f3", fact("Sam is a nurse")]]) })).toBe(
      memories,
    );
  });
});
