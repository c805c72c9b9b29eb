import {
  ANY,
  type AppendExpectedRevision,
  type CurrentRevision,
  START as DB_START,
  type Position as DbPosition,
  type EventData,
  type JSONType,
  NO_STREAM,
  type ResolvedEvent,
  STREAM_EXISTS,
} from "@eventstore/db-client";
import {
  type EventMetadata,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type RecordedEvent,
  START,
} from "../../ports/eventStore.ts";

/** Translations between the port's values and `@eventstore/db-client`'s. */

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case "any":
      return ANY;
    case "no_stream":
      return NO_STREAM;
    case "stream_exists":
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new Error(`expected revision must be a non-negative integer, got ${expected}`);
      }
      return BigInt(expected);
  }
}

/** The revision a WrongExpectedVersion reports, or null when the stream does not exist. */
export function toActualRevision(current: CurrentRevision | bigint): number | null {
  if (current === NO_STREAM || current < 0n) return null;
  return Number(current);
}

/** `"<commit>:<prepare>"`; `START` is before every position in `$all`. */
export function formatPosition(position: DbPosition): Position {
  return `${position.commit}:${position.prepare}`;
}

export function parsePosition(position: Position): DbPosition | typeof DB_START {
  if (position === START) return DB_START;
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new Error(`not an EventStoreDB position: ${position}`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

/** Orders `$all` positions by commit position, then prepare position. */
export function compareDbPositions(a: DbPosition, b: DbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

export function comparePositions(a: Position, b: Position): number {
  const before = { commit: -1n, prepare: -1n };
  const left = parsePosition(a);
  const right = parsePosition(b);
  return compareDbPositions(left === DB_START ? before : left, right === DB_START ? before : right);
}

/** Events travel as JSON, with our metadata as the event's JSON metadata. */
export function toEventData(event: EventToAppend): EventData {
  return {
    id: event.id,
    contentType: "application/json",
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata as unknown as JSONType,
  };
}

/** Events the server writes for itself: `$`-prefixed types (links, metadata) or streams. */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith("$") || event.streamId.startsWith("$");
}

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event) return null;
  if (!event.position) throw new Error(`EventStoreDB returned event ${event.id} without a position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: formatPosition(event.position),
    recordedAt: event.created,
  };
}
