import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type VectorFilter,
  type VectorIndex,
  VectorIndexInputError,
  type VectorMetadata,
  type VectorRecord,
} from "../../src/ports/vectorIndex.ts";

export const CONTRACT_DIMENSIONS = 8;

export interface VectorIndexContractSubject {
  /** An index of CONTRACT_DIMENSIONS dimensions. */
  index: VectorIndex;
  cleanup(): Promise<void>;
}

const namespace = () => `contract-${randomUUID()}`;

/** A deterministic pseudo-random unit-ish vector (mulberry32). */
export function seededVector(seed: number, dimensions = CONTRACT_DIMENSIONS): number[] {
  let state = seed >>> 0;
  return Array.from({ length: dimensions }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32 - 0.5;
  });
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((value, i) => {
    dot += value * b[i]!;
    na += value * value;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
}

/** Vectors at known angles from `axis(0)`: cos = 1, 0.8, 0.6, 0, −1. */
const axis = (i: number, scale = 1) =>
  Array.from({ length: CONTRACT_DIMENSIONS }, (_, j) => (j === i ? scale : 0));
const blend = (cos: number) =>
  axis(0).map((v, j) => (j === 0 ? cos : j === 1 ? Math.sqrt(1 - cos * cos) : v));

const record = (id: string, values: number[], metadata: VectorMetadata = {}): VectorRecord => ({
  id,
  values,
  metadata,
});

/** The behaviour every VectorIndex adapter promises; run against each adapter. */
export function describeVectorIndexContract(
  label: string,
  makeSubject: () => Promise<VectorIndexContractSubject>,
): void {
  describe(`VectorIndex contract: ${label}`, () => {
    let subject: VectorIndexContractSubject;
    let index: VectorIndex;
    beforeAll(async () => {
      subject = await makeSubject();
      index = subject.index;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it("returns the most similar records first, with cosine scores and metadata", async () => {
      const ns = namespace();
      await index.upsert(ns, [
        record("far", blend(0), { kind: "fact" }),
        record("same", axis(0, 3), { kind: "fact", tags: ["family", "city"] }),
        record("close", blend(0.8), { kind: "summary", turn: 4, pinned: true }),
        record("opposite", axis(0, -2)),
      ]);
      const matches = await index.query(ns, { vector: axis(0), topK: 10 });
      expect(matches.map((m) => m.id)).toEqual(["same", "close", "far", "opposite"]);
      const scores = matches.map((m) => m.score);
      for (const [i, expected] of [1, 0.8, 0, -1].entries()) expect(scores[i]).toBeCloseTo(expected, 5);
      expect(matches[0]!.metadata).toEqual({ kind: "fact", tags: ["family", "city"] });
      expect(matches[1]!.metadata).toEqual({ kind: "summary", turn: 4, pinned: true });
      expect(matches[3]!.metadata).toEqual({});
    });

    it("keeps only topK matches and leaves out those under minScore", async () => {
      const ns = namespace();
      await index.upsert(
        ns,
        [0.9, 0.7, 0.5, 0.3, 0.1].map((cos) => record(`cos-${cos}`, blend(cos))),
      );
      expect((await index.query(ns, { vector: axis(0), topK: 2 })).map((m) => m.id)).toEqual([
        "cos-0.9",
        "cos-0.7",
      ]);
      const above = await index.query(ns, { vector: axis(0), topK: 10, minScore: 0.4 });
      expect(above.map((m) => m.id)).toEqual(["cos-0.9", "cos-0.7", "cos-0.5"]);
      expect(await index.query(ns, { vector: axis(0), topK: 10, minScore: 0.95 })).toEqual([]);
    });

    it("overwrites a record written again with the same id", async () => {
      const ns = namespace();
      await index.upsert(ns, [record("memory-1", axis(1), { text: "old" }), record("memory-2", blend(0.5))]);
      await index.query(ns, { vector: axis(0), topK: 5 });
      await index.upsert(ns, [record("memory-1", axis(0), { text: "new", version: 2 })]);
      const matches = await index.query(ns, { vector: axis(0), topK: 5 });
      expect(matches.map((m) => m.id)).toEqual(["memory-1", "memory-2"]);
      expect(matches[0]!.score).toBeCloseTo(1, 5);
      expect(matches[0]!.metadata).toEqual({ text: "new", version: 2 });
    });

    it("takes the last of several records with one id in a single upsert", async () => {
      const ns = namespace();
      await index.upsert(ns, [record("a", axis(1), { n: 1 }), record("a", axis(0), { n: 2 })]);
      const matches = await index.query(ns, { vector: axis(0), topK: 5 });
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ id: "a", metadata: { n: 2 } });
    });

    describe("metadata filters", () => {
      const ns = namespace();
      const all = ["ana", "bruno", "carla", "dario", "eva"];
      beforeAll(async () => {
        await index.upsert(ns, [
          record("ana", blend(0.9), { kind: "fact", turn: 1, pinned: true, tags: ["family", "lisbon"] }),
          record("bruno", blend(0.8), { kind: "fact", turn: 5, pinned: false, tags: ["work"] }),
          record("carla", blend(0.7), { kind: "summary", turn: 10, tags: ["family"] }),
          record("dario", blend(0.6), { kind: "summary", turn: "12" }),
          record("eva", blend(0.5), { kind: "event" }),
        ]);
      });
      const ids = async (filter: VectorFilter) =>
        (await index.query(ns, { vector: axis(0), topK: 10, filter })).map((m) => m.id);

      it("$eq on strings, numbers and booleans", async () => {
        expect(await ids({ kind: { $eq: "summary" } })).toEqual(["carla", "dario"]);
        expect(await ids({ turn: { $eq: 5 } })).toEqual(["bruno"]);
        expect(await ids({ pinned: { $eq: true } })).toEqual(["ana"]);
        expect(await ids({ pinned: { $eq: false } })).toEqual(["bruno"]);
      });

      it("$eq and $in on a string list match any element", async () => {
        expect(await ids({ tags: { $eq: "family" } })).toEqual(["ana", "carla"]);
        expect(await ids({ tags: { $in: ["work", "lisbon"] } })).toEqual(["ana", "bruno"]);
      });

      it("$in on strings and numbers", async () => {
        expect(await ids({ kind: { $in: ["event", "fact"] } })).toEqual(["ana", "bruno", "eva"]);
        expect(await ids({ turn: { $in: [1, 10] } })).toEqual(["ana", "carla"]);
      });

      it("$gte and $lte compare numbers only", async () => {
        expect(await ids({ turn: { $gte: 5 } })).toEqual(["bruno", "carla"]);
        expect(await ids({ turn: { $lte: 5 } })).toEqual(["ana", "bruno"]);
        expect(await ids({ turn: { $gte: 2, $lte: 10 } })).toEqual(["bruno", "carla"]);
        expect(await ids({ turn: { $gte: 12 } })).toEqual([]);
      });

      it("fields side by side and $and must all hold", async () => {
        expect(await ids({ kind: { $eq: "fact" }, turn: { $gte: 2 } })).toEqual(["bruno"]);
        expect(
          await ids({
            $and: [{ tags: { $eq: "family" } }, { $and: [{ turn: { $lte: 10 } }, { turn: { $gte: 2 } }] }],
          }),
        ).toEqual(["carla"]);
      });

      it("a condition on a missing field does not match", async () => {
        expect(await ids({ tags: { $in: ["family", "work", "lisbon"] } })).toEqual(["ana", "bruno", "carla"]);
        expect(await ids({ pinned: { $in: ["true"] } })).toEqual([]);
        expect(await ids({ nothing: { $eq: "x" } })).toEqual([]);
      });

      it("filters before taking topK", async () => {
        const matches = await index.query(ns, {
          vector: axis(0),
          topK: 1,
          filter: { kind: { $eq: "summary" } },
        });
        expect(matches.map((m) => m.id)).toEqual(["carla"]);
        expect(await ids({ kind: { $in: ["fact", "summary", "event"] } })).toEqual(all);
      });
    });

    it("keeps namespaces apart", async () => {
      const first = namespace();
      const second = namespace();
      await index.upsert(first, [record("shared-id", axis(0), { owner: "first" })]);
      await index.upsert(second, [
        record("shared-id", axis(1), { owner: "second" }),
        record("other", axis(0)),
      ]);
      const inFirst = await index.query(first, { vector: axis(0), topK: 10 });
      expect(inFirst).toHaveLength(1);
      expect(inFirst[0]).toMatchObject({ id: "shared-id", metadata: { owner: "first" } });
      await index.deleteNamespace(second);
      expect(await index.query(second, { vector: axis(0), topK: 10 })).toEqual([]);
      expect(await index.query(first, { vector: axis(0), topK: 10 })).toHaveLength(1);
    });

    it("deletes records by id and ignores ids that are not there", async () => {
      const ns = namespace();
      await index.upsert(ns, [record("a", axis(0)), record("b", blend(0.5)), record("c", blend(0.2))]);
      await index.query(ns, { vector: axis(0), topK: 10 });
      await index.delete(ns, ["a", "c", "never-written"]);
      expect((await index.query(ns, { vector: axis(0), topK: 10 })).map((m) => m.id)).toEqual(["b"]);
      await index.delete(namespace(), ["x"]);
      await index.delete(ns, []);
    });

    it("deletes a namespace, which can then be written again", async () => {
      const ns = namespace();
      await index.upsert(ns, [record("a", axis(0)), record("b", axis(1))]);
      await index.query(ns, { vector: axis(0), topK: 10 });
      await index.deleteNamespace(ns);
      expect(await index.query(ns, { vector: axis(0), topK: 10 })).toEqual([]);
      await index.upsert(ns, [record("c", axis(0))]);
      expect((await index.query(ns, { vector: axis(0), topK: 10 })).map((m) => m.id)).toEqual(["c"]);
      await index.deleteNamespace(namespace());
    });

    it("answers a namespace that was never written with no matches", async () => {
      expect(await index.query(namespace(), { vector: axis(0), topK: 3 })).toEqual([]);
    });

    it("finds the same neighbours as a brute-force scan over hundreds of records", async () => {
      const ns = namespace();
      const records = Array.from({ length: 250 }, (_, i) =>
        record(`r${i}`, seededVector(i + 1), { n: i, group: i % 3 === 0 ? "a" : "b" }),
      );
      await index.upsert(ns, records);
      const query = seededVector(9_999);
      const expected = (candidates: VectorRecord[]) =>
        candidates
          .map((r) => ({ id: r.id, score: cosine(query, r.values) }))
          .sort((x, y) => y.score - x.score)
          .slice(0, 10);
      const all = await index.query(ns, { vector: query, topK: 10 });
      expect(all.map((m) => m.id)).toEqual(expected(records).map((m) => m.id));
      for (const [i, m] of all.entries()) expect(m.score).toBeCloseTo(expected(records)[i]!.score, 5);
      const filtered = await index.query(ns, {
        vector: query,
        topK: 10,
        filter: { group: { $eq: "a" }, n: { $gte: 30 } },
      });
      const candidates = records.filter((r) => r.metadata.group === "a" && (r.metadata.n as number) >= 30);
      expect(filtered.map((m) => m.id)).toEqual(expected(candidates).map((m) => m.id));
    });

    it("refuses what no adapter can store or answer", async () => {
      const ns = namespace();
      const refused = (work: Promise<unknown>) => expect(work).rejects.toBeInstanceOf(VectorIndexInputError);
      await refused(index.upsert(ns, [record("short", [1, 2, 3])]));
      await refused(index.upsert(ns, [record("zero", axis(0, 0))]));
      await refused(index.upsert(ns, [record("nan", axis(0, Number.NaN))]));
      await refused(index.upsert(ns, [record("", axis(0))]));
      await refused(
        index.upsert(ns, [{ id: "nested", values: axis(0), metadata: { a: { b: 1 } as never } }]),
      );
      await refused(index.upsert("", [record("a", axis(0))]));
      await refused(index.upsert("naïve-ñamespace", [record("a", axis(0))]));
      await refused(index.query(ns, { vector: axis(0), topK: 0 }));
      await refused(index.query(ns, { vector: axis(0), topK: 1_001 }));
      await refused(index.query(ns, { vector: [1], topK: 1 }));
      await refused(index.query(ns, { vector: axis(0), topK: 1, filter: { kind: { $ne: "x" } as never } }));
      await refused(index.query(ns, { vector: axis(0), topK: 1, filter: { $or: [] } as never }));
      await refused(index.query(ns, { vector: axis(0), topK: 1, filter: { turn: { $gte: "5" as never } } }));
      await refused(index.query(ns, { vector: axis(0), topK: 1, filter: {} }));
      expect(await index.query(ns, { vector: axis(0), topK: 1 })).toEqual([]);
    });
  });
}
