/**
 * `items` with `item` added at the end, only the newest `limit` kept, without copying the list
 * twice (appending then slicing does): a list at its limit is copied on every event.
 */
export function withNewest<T>(items: readonly T[], item: T, limit: number): T[] {
  // `slice` and `push` keep the array packed: one with holes is slower to search.
  const kept = items.slice(Math.max(0, items.length + 1 - limit));
  kept.push(item);
  return kept;
}
