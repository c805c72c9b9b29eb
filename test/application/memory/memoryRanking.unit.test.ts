import { describe, expect, it } from "vitest";
import type { FactKind } from "../../../src/application/memory/factKinds.ts";
import { type MemoryCandidate, rankMemories } from "../../../src/application/memory/memoryRanking.ts";
import type { MemoryRecord } from "../../../src/application/memory/memoryRecords.ts";

let next = 0;
function candidate(
  text: string,
  score: number,
  options: Partial<Omit<MemoryRecord, "text">> & { minute?: number } = {},
): MemoryCandidate {
  const minute = options.minute ?? next;
  next++;
  const at = new Date(Date.UTC(2026, 5, 1, 10, minute)).toISOString();
  return {
    score,
    record: {
      id: options.id ?? `r${next}`,
      text,
      kind: options.kind ?? "fact",
      factKind: options.kind === "summary" ? null : (options.factKind ?? "other"),
      relatedKinds: options.relatedKinds ?? [],
      quote: null,
      sourceMessageIds: options.sourceMessageIds ?? [`m${next}`],
      at,
      atMs: Date.parse(at),
      fromRevision: options.fromRevision ?? 1,
      toRevision: options.toRevision ?? options.fromRevision ?? 1,
    },
  };
}

function rank(candidates: MemoryCandidate[], intentKinds: FactKind[] = [], message = "hello", topK = 6) {
  return rankMemories({
    candidates,
    intentKinds,
    answered: { messageId: "current", revision: 100, text: message },
    recentTexts: [],
    personName: "Sam",
    topK,
    minScore: 0.12,
  }).map((m) => m.text);
}

describe("ranking retrieved memories", () => {
  it("answers “what do I do for a living?” with the job, not with living-room lines", () => {
    const ranked = rank(
      [
        candidate("We painted the living room yellow", 0.41, { factKind: "other" }),
        candidate("Sam's living room lamp broke", 0.38, { factKind: "other" }),
        candidate("Sam works as a nurse at St James's hospital", 0.05, { factKind: "work" }),
      ],
      ["work"],
      "What do I do for a living?",
    );
    expect(ranked[0]).toBe("Sam works as a nurse at St James's hospital");
  });

  it("puts facts above summaries, even summaries that score higher", () => {
    const ranked = rank([
      candidate("Sam and Mira talked about hiking and the weather", 0.6, { kind: "summary" }),
      candidate("Sam loves hiking in the mountains", 0.3, { factKind: "preference" }),
    ]);
    expect(ranked).toEqual([
      "Sam loves hiking in the mountains",
      "Sam and Mira talked about hiking and the weather",
    ]);
  });

  it("collapses a fact said twice to its newest wording", () => {
    const ranked = rank([
      candidate("Sam's sister is called Ana and she lives in Lisbon", 0.5, { minute: 1 }),
      candidate("Sam's sister Ana lives in Lisbon", 0.45, { minute: 30 }),
    ]);
    expect(ranked).toEqual(["Sam's sister Ana lives in Lisbon"]);
  });

  it("drops a summary that only repeats a fact already shown", () => {
    const ranked = rank([
      candidate("Sam shared a few things: Sam works as a nurse at St James's hospital.", 0.7, {
        kind: "summary",
        minute: 40,
      }),
      candidate("Sam works as a nurse at St James's hospital", 0.5, { minute: 2 }),
    ]);
    expect(ranked).toEqual(["Sam works as a nurse at St James's hospital"]);
  });

  it("keeps facts that share words but say different things", () => {
    const ranked = rank([
      candidate("Sam's dog is called Biscuit", 0.5, { factKind: "pet" }),
      candidate("Sam's dog is called Rex", 0.5, { factKind: "pet" }),
    ]);
    expect(ranked).toHaveLength(2);
  });

  it("never recalls the message being answered, nor anything from it or after it", () => {
    const ranked = rank(
      [
        candidate("Sam works as a nurse", 0.9, { sourceMessageIds: ["current"], fromRevision: 100 }),
        candidate("Sam talked about nursing", 0.8, { kind: "summary", fromRevision: 90, toRevision: 100 }),
        candidate("Sam moved to Leeds", 0.7, { fromRevision: 101 }),
        candidate("Sam's sister is called Ana", 0.6, { fromRevision: 40 }),
        candidate("Sam grew up in Galway", 0.5, { fromRevision: 12 }),
      ],
      [],
      "My sister is called Ana.",
    );
    expect(ranked).toEqual(["Sam grew up in Galway"]);
  });

  it("keeps what is too weak to matter out, unless the message asks for its kind", () => {
    const facts = [
      candidate("Sam plays the cello", 0.02, { factKind: "preference" }),
      candidate("Sam loves jazz", 0.03, { factKind: "preference" }),
      candidate("Sam hates mushrooms", 0.01, { factKind: "preference" }),
      candidate("Sam enjoys baking", 0.04, { factKind: "preference" }),
      candidate("Sam grew up in Galway", 0.05, { factKind: "place" }),
    ];
    expect(rank(facts)).toEqual([]);
    const asked = rank(facts, ["preference"], "What am I into?");
    expect(asked).toHaveLength(3);
    expect(asked).not.toContain("Sam grew up in Galway");
  });

  it("counts facts that touch on the asked kind, after those that are of it", () => {
    const ranked = rank(
      [
        candidate("Sam is thinking of moving to Canada next year", 0.05, {
          factKind: "plan",
          relatedKinds: ["place"],
        }),
        candidate("Sam lives in Rotterdam", 0.05, { factKind: "place" }),
      ],
      ["place"],
      "Which country might I relocate to?",
    );
    expect(ranked).toEqual(["Sam lives in Rotterdam", "Sam is thinking of moving to Canada next year"]);
  });

  it("shows at most topK, best first, with scores that fall in that order", () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      candidate(`Sam likes topic${i} word${i}`, 0.2 + i / 100),
    );
    const ranked = rankMemories({
      candidates: many,
      intentKinds: [],
      answered: { messageId: "current", revision: 100, text: "hi" },
      recentTexts: [],
      personName: "Sam",
      topK: 4,
      minScore: 0.12,
    });
    expect(ranked.map((m) => m.text)).toEqual([
      "Sam likes topic9 word9",
      "Sam likes topic8 word8",
      "Sam likes topic7 word7",
      "Sam likes topic6 word6",
    ]);
    expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("leaves out what may not be recalled, asking only about the candidates that score", () => {
    const asked: string[] = [];
    const ranked = rankMemories({
      candidates: [
        candidate("Sam's sister is called Ana", 0.4, { id: "other-branch" }),
        candidate("Sam plays the cello", 0.3, { id: "on-path" }),
        candidate("Sam once lost a glove", 0.01, { id: "weak" }),
      ],
      intentKinds: [],
      answered: { messageId: "current", revision: 100, text: "hi" },
      recentTexts: [],
      personName: "Sam",
      topK: 6,
      minScore: 0.12,
      recallable: (record) => {
        asked.push(record.id);
        return record.id !== "other-branch";
      },
    });
    expect(ranked.map((m) => m.text)).toEqual(["Sam plays the cello"]);
    expect(asked).toEqual(["other-branch", "on-path"]);
  });
});
