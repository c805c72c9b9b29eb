import { InvalidArgumentError } from "commander";
import { EventLog } from "../application/eventLog.ts";
import { conversationAt, type TimeTravelPoint } from "../application/timeTravel.ts";
import type { EventCatalogue } from "../domain/shared/eventCatalogue.ts";
import { streamCategory } from "../domain/streamIds.ts";
import type { EventStore, RecordedEvent } from "../ports/eventStore.ts";

/** `--as-of`: a stream revision (digits) or an ISO 8601 time. */
export function parseAsOf(value: string): { revision: number } | { at: string } {
  if (/^\d{1,9}$/.test(value)) return { revision: Number(value) };
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
    return { at: new Date(value).toISOString() };
  throw new InvalidArgumentError("give a revision (e.g. 42) or an ISO time (e.g. 2026-05-01T09:30:00Z)");
}

/**
 * A stream as it was at a point: its events up to it, one JSON line each, and for a conversation a
 * last line with what the person saw then (the active path) and the agent's mood and affinity.
 */
export async function streamAsOf(
  store: EventStore,
  catalogue: EventCatalogue,
  streamId: string,
  point: { revision: number } | { at: string },
): Promise<string[]> {
  const within = (event: RecordedEvent) =>
    "revision" in point
      ? event.revision <= point.revision
      : Date.parse(event.metadata.occurredAt) <= Date.parse(point.at);
  const recorded = await store.readStream(streamId);
  const end = recorded.findIndex((event) => !within(event));
  const events = end === -1 ? recorded : recorded.slice(0, end);
  const lines = events.map((event) => JSON.stringify(event));
  if (streamCategory(streamId) !== "conversation" || events.length === 0) return lines;
  const log = new EventLog(store, catalogue);
  const [first] = await log.readStream(streamId, { maxCount: 1 });
  if (first?.type !== "ConversationStarted") return lines;
  const { userId, agentId } = first.data;
  const past = await conversationAt({ events: log }, {
    userId,
    agentId,
    ...point,
  } satisfies TimeTravelPoint & { userId: string; agentId: string });
  const summary = {
    asOf: { revision: past.revision, occurredAt: past.occurredAt },
    mood: past.mood,
    affinity: past.affinity,
    path: past.path.map(({ messageId, author, text, hidden }) => ({ messageId, author, text, hidden })),
  };
  return [...lines, JSON.stringify(summary)];
}
