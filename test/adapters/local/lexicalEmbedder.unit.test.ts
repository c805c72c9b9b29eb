import { describe, expect, it } from "vitest";
import { LexicalEmbedder, tokenize } from "../../../src/adapters/local/lexicalEmbedder.ts";

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe("LexicalEmbedder", () => {
  const embedder = new LexicalEmbedder();
  const similarity = (a: string, b: string) => dot(embedder.embedOne(a), embedder.embedOne(b));

  it("gives unit vectors of its size, the same every time", async () => {
    const [first, second] = await embedder.embed(["Coffee with Ana at noon", "Coffee with Ana at noon"]);
    expect(first).toHaveLength(512);
    expect(dot(first!, first!)).toBeCloseTo(1, 10);
    expect(second).toEqual(first);
    expect(new LexicalEmbedder({ dimensions: 64 }).embedOne("coffee")).toHaveLength(64);
    expect(embedder.describe()).toEqual({
      adapter: "local-lexical",
      model: "hashed-stemmed-ngrams-v1",
      offline: true,
    });
  });

  it("scores similar sentences above unrelated ones", () => {
    const base = "I started a new job at the bakery";
    expect(similarity(base, "she works at a bakery, a new job")).toBeGreaterThan(
      similarity(base, "the weather in Oslo was cold and rainy"),
    );
    expect(similarity("my dog loves running on the beach", "the dogs ran along the beach")).toBeGreaterThan(
      similarity("my dog loves running on the beach", "we paid the electricity bill"),
    );
  });

  it("retrieves where Ana lives over distractors", () => {
    const memories = [
      "Ana likes chocolate cake",
      "my brother Tiago plays football in Porto",
      "my sister Ana lives in Lisbon",
      "I live with two cats",
      "we visited Lisbon last summer",
    ];
    const query = embedder.embedOne("where does Ana live?");
    const ranked = memories
      .map((text) => ({ text, score: dot(query, embedder.embedOne(text)) }))
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]!.text).toBe("my sister Ana lives in Lisbon");
  });

  it("tolerates typos through character trigrams", () => {
    expect(similarity("we moved to Lisbon", "we moved to Lisbn")).toBeGreaterThan(
      similarity("we moved to Lisbon", "we moved to Berlin"),
    );
  });

  it("ignores case, accents and stop words, but keeps texts made only of stop words", () => {
    expect(similarity("Café in São Paulo", "cafe in sao paulo")).toBeCloseTo(1, 10);
    expect(similarity("the coffee", "a coffee")).toBeCloseTo(1, 10);
    expect(embedder.embedOne("what is it?").some((v) => v !== 0)).toBe(true);
  });

  it("gives zeros for a text with nothing in it, and cuts very long texts", () => {
    expect(embedder.embedOne("  ?! ").every((v) => v === 0)).toBe(true);
    const short = new LexicalEmbedder({ maxInputChars: 10 });
    expect(short.embedOne(`hello ana ${"and more words ".repeat(100)}`)).toEqual(short.embedOne("hello ana"));
  });

  it("splits words on anything but letters and digits", () => {
    expect(tokenize("Ana's new flat — 3rd floor, São Paulo!")).toEqual([
      "ana",
      "new",
      "flat",
      "3rd",
      "floor",
      "sao",
      "paulo",
    ]);
  });

  it("stops when its signal has aborted", async () => {
    await expect(embedder.embed(["x"], AbortSignal.abort(new Error("stop")))).rejects.toThrow("stop");
  });
});
