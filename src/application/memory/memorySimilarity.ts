import { contentStems, tokenize } from "./memoryTerms.ts";

/**
 * Whether two memory texts say the same thing: the smaller one's content words (stemmed, the
 * person's name left out) are nearly all in the other. "Sam works as a nurse" and "Sam is a
 * nurse" are one memory; "Sam's dog is called Biscuit" and "Sam's dog is called Rex" are two.
 */
const CONTAINED = 0.75;

export class MemoryTexts {
  readonly #ignore: ReadonlySet<string>;
  readonly #cache = new Map<string, Set<string>>();

  constructor(personName: string) {
    this.#ignore = new Set(tokenize(personName));
  }

  terms(text: string): Set<string> {
    let terms = this.#cache.get(text);
    if (!terms) {
      terms = contentStems(text, this.#ignore);
      this.#cache.set(text, terms);
    }
    return terms;
  }

  nearDuplicate(a: string, b: string): boolean {
    return nearDuplicateTerms(this.terms(a), this.terms(b));
  }

  /** `text` says nothing that `container` does not: "My sister is Ana" covers "Sam's sister is Ana". */
  covers(container: string, text: string): boolean {
    const inner = this.terms(text);
    const outer = this.terms(container);
    if (inner.size === 0) return true;
    let shared = 0;
    for (const term of inner) if (outer.has(term)) shared++;
    return shared / inner.size >= CONTAINED;
  }
}

export function nearDuplicateTerms(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return big.size === 0;
  let shared = 0;
  for (const term of small) if (big.has(term)) shared++;
  // One word in common proves little unless the other text is hardly longer.
  if (small.size === 1) return shared === 1 && big.size <= 2;
  return shared / small.size >= CONTAINED;
}
