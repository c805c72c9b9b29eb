import { randomUUID } from "node:crypto";
import { catalogue, type WithmeEvent } from "../../src/domain/catalogue.ts";
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
} from "../../src/ports/eventStore.ts";

export {
  agentStreamId,
  conversationStreamId,
  imageJobStreamId,
  userStreamId,
} from "../../src/domain/streamIds.ts";

export interface EnvelopeOptions {
  id?: string;
  /** The domain time of the event (metadata `occurredAt`); a fixed instant unless given. */
  occurredAt?: string;
  actor?: string;
  correlationId?: string;
  causationId?: string | null;
}

export const DEFAULT_OCCURRED_AT = "2025-05-01T09:00:00.000Z";

/** A domain event ready to append: its data checked and shaped by its schema in the catalogue. */
export function envelope(event: WithmeEvent, options: EnvelopeOptions = {}): EventToAppend {
  return {
    id: options.id ?? randomUUID(),
    type: event.type,
    data: catalogue.validate(event),
    metadata: {
      occurredAt: options.occurredAt ?? DEFAULT_OCCURRED_AT,
      correlationId: options.correlationId ?? randomUUID(),
      causationId: options.causationId ?? null,
      actor: options.actor ?? "test",
      requestId: null,
      schemaVersion: catalogue.currentVersion(event.type),
    },
  };
}

/** Appends domain events to a stream in one write (any expected revision unless told). */
export function appendEvents(
  store: EventStore,
  streamId: string,
  events: readonly WithmeEvent[],
  options: EnvelopeOptions & { expected?: ExpectedRevision } = {},
): Promise<AppendResult> {
  const { expected, ...rest } = options;
  return store.append(
    streamId,
    events.map((event) => envelope(event, { ...rest, id: undefined })),
    expected ?? "any",
  );
}
