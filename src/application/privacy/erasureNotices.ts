import { setTimeout as pause } from "node:timers/promises";
import { type LiveBus, topics } from "../../ports/liveBus.ts";

/** Tells every process that the person was erased (their key is already destroyed). */
export function announceErasure(bus: LiveBus, userId: string, erasedAt: Date): Promise<void> {
  return bus.publish(topics.erasures(), {
    kind: "person.erased",
    payload: { userId, erasedAt: erasedAt.toISOString() },
  });
}

/**
 * Calls `onErased` for each person erased anywhere from now on, until the signal aborts. A failing
 * bus is reported and followed again, since a missed notice leaves a destroyed key usable here.
 */
export async function followErasures(
  bus: LiveBus,
  onErased: (userId: string) => void,
  signal: AbortSignal,
  onError: (error: unknown) => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      for await (const notice of bus.subscribe(topics.erasures(), signal)) onErased(notice.payload.userId);
      return;
    } catch (error) {
      if (signal.aborted) return;
      onError(error);
      await pause(1_000, undefined, { signal }).catch(() => undefined);
    }
  }
}
