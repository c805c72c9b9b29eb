/** FNV-1a over the text: stable across runs and machines. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  pick<T>(options: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough to vary phrasing; the same seed gives the same reply. */
export function seededRandom(seed: number, ...salt: string[]): SeededRandom {
  let state = (seed ^ hashText(salt.join("\u0000"))) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (options) => {
      if (options.length === 0) throw new Error("nothing to pick from");
      return options[Math.floor(next() * options.length)]!;
    },
    chance: (probability) => next() < probability,
  };
}

/**
 * Randomness fixed for one agent and one `what`: seeded by who it is (its name and the home it has),
 * so what it makes up about itself stays the same on every turn and two agents rarely share it.
 */
export function fixedForAgent(
  context: { agent: { name: string }; identity: { homeCity: string; occupation: string } },
  what: string,
): SeededRandom {
  return seededRandom(0, context.agent.name, context.identity.homeCity, context.identity.occupation, what);
}
