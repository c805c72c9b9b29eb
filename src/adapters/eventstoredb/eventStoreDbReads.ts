import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  START as DB_START,
  type Position as DbPosition,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type ReadPosition,
} from "@eventstore/db-client";
import { type Position, type RecordedEvent, START } from "../../ports/eventStore.ts";
import {
  compareDbPositions,
  formatPosition,
  isSystemEvent,
  parsePosition,
  toRecordedEvent,
} from "./eventStoreDbMapping.ts";

/** Reads of `$all` that page past system events. */

const MAX_PAGE = 4_096;

async function readPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  maxCount: number,
  direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS,
): Promise<AllStreamResolvedEvent[]> {
  const page: AllStreamResolvedEvent[] = [];
  for await (const resolved of client.readAll({ fromPosition, maxCount, direction })) page.push(resolved);
  return page;
}

/**
 * Events of `$all` after `after`, up to `limit`, leaving system events out. A forwards read of `$all`
 * includes the event at its starting position, so each page skips what the previous one ended on.
 */
export async function readAllAfter(
  client: EventStoreDBClient,
  after: Position,
  limit: number,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  const start = parsePosition(after);
  let lastSeen: DbPosition | null = start === DB_START ? null : start;
  while (found.length < limit) {
    const size = Math.min(Math.max(limit - found.length + 1, 2), MAX_PAGE);
    const page = await readPage(client, lastSeen ?? DB_START, size);
    for (const resolved of page) {
      const event = resolved.event;
      if (!event || (lastSeen && compareDbPositions(event.position, lastSeen) <= 0)) continue;
      lastSeen = event.position;
      const recorded = isSystemEvent(event) ? null : toRecordedEvent(resolved);
      if (recorded && found.length < limit) found.push(recorded);
    }
    if (page.length < size) break;
  }
  return found;
}

/** Position of the newest event that is not a system event, or START. */
export async function headPosition(client: EventStoreDBClient): Promise<Position> {
  const size = 32;
  let from: ReadPosition = END;
  for (;;) {
    const page = await readPage(client, from, size, BACKWARDS);
    for (const { event } of page) {
      if (event && !isSystemEvent(event)) return formatPosition(event.position);
    }
    const last = page.at(-1)?.event;
    // Backwards from an event's position starts below that event.
    if (page.length < size || !last) return START;
    from = last.position;
  }
}

/**
 * Events (not system events) after `from` up to and including `to`. Counting stops after
 * `countLimit`; the rest is estimated from the byte distance, since positions are log offsets.
 */
export async function countBetween(
  client: EventStoreDBClient,
  from: Position,
  to: Position,
  countLimit: number,
): Promise<number> {
  const start = parsePosition(from);
  const end = parsePosition(to);
  if (end === DB_START) return 0;
  let lastSeen: DbPosition | null = start === DB_START ? null : start;
  let count = 0;
  for (;;) {
    const page = await readPage(client, lastSeen ?? DB_START, MAX_PAGE);
    for (const { event } of page) {
      if (!event || (lastSeen && compareDbPositions(event.position, lastSeen) <= 0)) continue;
      if (compareDbPositions(event.position, end) > 0) return count;
      lastSeen = event.position;
      if (!isSystemEvent(event)) count += 1;
    }
    if (page.length < MAX_PAGE || !lastSeen) return count;
    if (count >= countLimit) {
      const covered = Number(lastSeen.commit - (start === DB_START ? 0n : start.commit));
      const remaining = Number(end.commit - lastSeen.commit);
      return covered > 0 ? count + Math.round((count * remaining) / covered) : count;
    }
  }
}

/**
 * Ids of the streams whose id starts with `prefix`. This client reads `$all` without a server-side
 * filter and `$streams` needs the system projections, so it pages through the whole log: a cost for
 * rare reads (a person's export), not for a request path.
 */
export async function streamIdsStartingWith(client: EventStoreDBClient, prefix: string): Promise<string[]> {
  const found = new Set<string>();
  let lastSeen: DbPosition | null = null;
  for (;;) {
    const page = await readPage(client, lastSeen ?? DB_START, MAX_PAGE);
    for (const { event } of page) {
      if (!event || (lastSeen && compareDbPositions(event.position, lastSeen) <= 0)) continue;
      lastSeen = event.position;
      if (!isSystemEvent(event) && event.streamId.startsWith(prefix)) found.add(event.streamId);
    }
    if (page.length < MAX_PAGE) return [...found];
  }
}
