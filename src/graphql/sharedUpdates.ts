import type { ConversationUpdate } from "../application/conversations/conversationUpdates.ts";

/** The first update worked out from each stored event, while the event is held by anyone. */
const updatesOf = new WeakMap<object, ConversationUpdate>();

/**
 * The update every watcher of a conversation works out from a stored event, as one object: the
 * feed hands each event to all of them as one object, and each folds the same stream, so their
 * updates are alike, and one alike object is turned into its subscription results once (see
 * `sharedEventResultsPlugin`), not once per watcher. An update that differs (a watcher whose
 * running state disagrees) stays its own.
 */
export function sharedUpdate(event: object, update: ConversationUpdate): ConversationUpdate {
  const known = updatesOf.get(event);
  if (!known) {
    updatesOf.set(event, update);
    return update;
  }
  return sameData(known, update) ? known : update;
}

/** Deep equality of plain data (objects, arrays, strings, numbers, booleans, null). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const kind = Object.getPrototypeOf(a);
  // Anything but plain objects and arrays (a Date, a class) is alike only when it is the same one.
  if (kind !== Object.getPrototypeOf(b) || (kind !== Object.prototype && kind !== Array.prototype))
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(right, key) && sameData(left[key], right[key]));
}
