import type { ReplyContext } from "../prompt/replyContext.ts";

/** One of the messages before the one being answered, as the engine is handed it. */
export type RecentMessage = ReplyContext["recentMessages"][number];

/**
 * `read` for a message of the conversation, worked out once per message object: every turn reads
 * the messages before it again, and the same objects come back from turn to turn while the
 * conversation's texts are held (see pathHistory). Kept by the object, never by the text, so a
 * reading lives no longer than its message: an erased person's messages take it with them.
 */
export function perMessage<T>(read: (message: RecentMessage) => T): (message: RecentMessage) => T {
  const readings = new WeakMap<RecentMessage, { value: T }>();
  return (message) => {
    const known = readings.get(message);
    if (known) return known.value;
    const value = read(message);
    readings.set(message, { value });
    return value;
  };
}
