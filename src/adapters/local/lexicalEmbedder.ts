import { STOP_WORDS, tokenize } from "../../application/memory/memoryTerms.ts";
import { porterStem } from "../../application/memory/porterStemmer.ts";
import type { Embedder, EmbedderDescription } from "../../ports/embedder.ts";

export { tokenize };

/**
 * The offline embedder: stemmed words, pairs of neighbouring words and character trigrams, hashed
 * into a fixed number of signed buckets and L2-normalised. It matches words, not meaning ("car"
 * and "automobile" share nothing), but it is deterministic, instant and needs no model.
 */
export interface LexicalEmbedderOptions {
  /** Default 512. */
  dimensions?: number;
  /** Longer texts are cut here. Default 8,000 characters. */
  maxInputChars?: number;
}

const WORD_WEIGHT = 1;
const PAIR_WEIGHT = 0.7;
/** The trigrams of one word together weigh this much, however long the word is. */
const TRIGRAMS_WEIGHT = 0.5;

export class LexicalEmbedder implements Embedder {
  readonly name = "local-lexical";
  readonly dimensions: number;
  readonly #maxInputChars: number;

  constructor(options: LexicalEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 512;
    this.#maxInputChars = options.maxInputChars ?? 8_000;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 16)
      throw new RangeError("the lexical embedder needs at least 16 dimensions");
  }

  describe(): EmbedderDescription {
    return { adapter: "local-lexical", model: "hashed-stemmed-ngrams-v1", offline: true };
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    signal?.throwIfAborted();
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const hash = mix(fnv1a(feature));
      vector[hash % this.dimensions]! += hash & 0x8000_0000 ? -weight : weight;
    };
    const words = tokenize(text.slice(0, this.#maxInputChars));
    const content = words.filter((word) => !STOP_WORDS.has(word));
    const stems = (content.length > 0 ? content : words).map(porterStem);
    stems.forEach((stem, i) => {
      add(`w:${stem}`, WORD_WEIGHT);
      if (i > 0) add(`p:${stems[i - 1]} ${stem}`, PAIR_WEIGHT);
      const marked = `#${stem}#`;
      const count = marked.length - 2;
      for (let j = 0; j < count; j++) add(`c:${marked.slice(j, j + 3)}`, TRIGRAMS_WEIGHT / Math.sqrt(count));
    });
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser, so that the low bits (the bucket) and the top bit (the sign) are independent. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
