import { createHash } from "node:crypto";

/** Deterministic randomness: the same seed parts always give the same sequence, on any machine. */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** One item, each weighted by `weight` (default 1); undefined for an empty list. */
  pick<T>(items: readonly T[], weight?: (item: T) => number): T | undefined;
}

export function seededRandom(...parts: readonly (string | number)[]): SeededRandom {
  const digest = createHash("sha256").update(parts.join("\u241f")).digest();
  let state = digest.readUInt32LE(0) || 0x9e3779b9;
  // mulberry32: small, fast and well spread for picking among a few dozen items.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick<T>(items: readonly T[], weight: (item: T) => number = () => 1): T | undefined {
      const total = items.reduce((sum, item) => sum + Math.max(0, weight(item)), 0);
      if (items.length === 0 || total <= 0) return undefined;
      let roll = next() * total;
      for (const item of items) {
        roll -= Math.max(0, weight(item));
        if (roll < 0) return item;
      }
      return items[items.length - 1];
    },
  };
}

/** A short stable hash, for ids built from longer parts. */
export function shortHash(...parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u241f")).digest("base64url").slice(0, 16);
}
