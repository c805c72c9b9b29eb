import type { EntryDecorators, LoreRole } from "./decorators.ts";
import type { EntryPosition, LorebookEntry } from "./schemas.ts";

/**
 * Where an entry's content goes: beside the character's description in the system prompt, or
 * among the chat messages, `depth` messages from the end (0: after the newest), as `role`.
 */
export type LorePlacement =
  | { at: "character"; position: EntryPosition }
  | { at: "depth"; depth: number; role: LoreRole };

/** SillyTavern's "@D" position in world info, with its default depth and roles by number. */
const ST_AT_DEPTH = 4;
const ST_DEFAULT_DEPTH = 4;
const ST_ROLES: readonly LoreRole[] = ["system", "user", "assistant"];

/**
 * `@@position` wins, then `@@depth` (with `@@role`), then SillyTavern's own "@D" position kept in
 * the entry's extensions (`position` 4, `depth`, `role` 0 system / 1 user / 2 assistant), then the
 * entry's side of the character.
 */
export function placementOf(entry: LorebookEntry, decorators: EntryDecorators): LorePlacement {
  if (decorators.position) return { at: "character", position: decorators.position };
  const { position, depth, role } = entry.extensions;
  const stRole = typeof role === "number" ? ST_ROLES[role] : undefined;
  if (decorators.depth !== null)
    return { at: "depth", depth: decorators.depth, role: decorators.role ?? stRole ?? "system" };
  if (position === ST_AT_DEPTH) {
    const at = typeof depth === "number" && Number.isInteger(depth) && depth >= 0 ? depth : ST_DEFAULT_DEPTH;
    return { at: "depth", depth: at, role: decorators.role ?? stRole ?? "system" };
  }
  return { at: "character", position: entry.position };
}

/**
 * The chat with each entry placed at its depth: `depth` messages from the end (0 after the newest,
 * more than there are before the oldest). Entries at one depth keep their order.
 */
export function insertAtDepth<M>(
  messages: readonly M[],
  entries: readonly { depth: number; message: M }[],
): M[] {
  const result = [...messages];
  // Deepest first, so that each insertion leaves the indexes of shallower ones as they were.
  const byDepth = [...entries.entries()].sort(([ia, a], [ib, b]) => b.depth - a.depth || ia - ib);
  const placed = new Map<number, number>();
  for (const [, { depth, message }] of byDepth) {
    const index = Math.max(0, messages.length - Math.max(0, depth));
    const already = placed.get(index) ?? 0;
    result.splice(index + already + insertedBefore(placed, index), 0, message);
    placed.set(index, already + 1);
  }
  return result;
}

function insertedBefore(placed: ReadonlyMap<number, number>, index: number): number {
  let count = 0;
  for (const [at, n] of placed) if (at < index) count += n;
  return count;
}
