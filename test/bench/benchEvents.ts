import { randomUUID } from "node:crypto";
import type { EventToAppend } from "../../src/ports/eventStore.ts";

/** A chat message event of the size the conversation streams hold, with a random (v5-like) id. */
export function benchEvent(i: number): EventToAppend {
  return {
    id: randomUUID(),
    type: "UserMessageSent",
    data: {
      messageId: randomUUID(),
      text: `message number ${i} with a little text in it`,
      sentAt: new Date().toISOString(),
    },
    metadata: {
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      actor: "user:bench",
      requestId: null,
      schemaVersion: 1,
    },
  };
}

export function benchEvents(count: number, from = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => benchEvent(from + i));
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
