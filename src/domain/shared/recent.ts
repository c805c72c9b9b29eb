/**
 * `items` with `item` added at the end, only the newest `limit` kept: one copy of what is kept
 * (appending then slicing copies it twice), since a list at its limit is copied on every event.
 */
export function withNewest<T>(items: readonly T[], item: T, limit: number): T[] {
  const dropped = Math.max(0, items.length + 1 - limit);
  const kept = new Array<T>(items.length + 1 - dropped);
  for (let i = dropped; i < items.length; i++) kept[i - dropped] = items[i]!;
  kept[kept.length - 1] = item;
  return kept;
}
