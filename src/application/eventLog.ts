import type { WithmeEvent, WithmeEventType } from "../domain/catalogue.ts";
import type { DomainEvent } from "../domain/shared/decider.ts";
import type { EventCatalogue } from "../domain/shared/eventCatalogue.ts";
import { storableText } from "../domain/shared/text.ts";
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from "../ports/eventStore.ts";
import { SharedReads } from "./sharedReads.ts";
import { mapInSlices } from "./snapshots/steppedWork.ts";

/** A stored event read through the catalogue: its data validated and upcast to the current shape. */
export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  id: string;
  type: E["type"];
  data: E["data"];
  streamId: string;
  revision: number;
  position: Position;
  recordedAt: Date;
  metadata: EventMetadata;
}

/** One member per event type, so a `switch` on `type` narrows `data`. */
export type StoredOf<E extends DomainEvent> = E extends DomainEvent ? StoredEvent<E> : never;

/** Any stored withme event. */
export type WithmeStoredEvent = StoredOf<WithmeEvent>;

/** The stored events of the given types. */
export type StoredEventOf<T extends WithmeEventType> = StoredOf<Extract<WithmeEvent, { type: T }>>;

/**
 * The event store as the application reads and writes it: every event read is parsed and upcast
 * by the catalogue here, once, and every event written is validated here. Nothing past this
 * boundary looks at raw event JSON.
 */
export class EventLog {
  /** The store itself, for positions and the raw views operators ask for. */
  readonly store: EventStore;
  readonly #catalogue: EventCatalogue;
  readonly #streamReads = new SharedReads<WithmeStoredEvent[]>();

  constructor(store: EventStore, catalogue: EventCatalogue) {
    this.store = store;
    this.#catalogue = catalogue;
  }

  /**
   * Parses one stored event; throws when its type is unknown or its data does not fit. What was
   * written at the current version passed the schema then, so only its shape is checked again.
   */
  read(recorded: RecordedEvent): WithmeStoredEvent {
    const { type, data } = this.#catalogue.parseStored(
      recorded.type,
      recorded.metadata.schemaVersion ?? 1,
      recorded.data,
    );
    const { id, streamId, revision, position, recordedAt, metadata } = recorded;
    // The catalogue has just checked `data` against the schema of `type`.
    return { id, type, data, streamId, revision, position, recordedAt, metadata } as WithmeStoredEvent;
  }

  /** Identical reads asked for at once share one (started after each of them), and its parsing. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<WithmeStoredEvent[]> {
    const key = `${streamId}|${options.fromRevision ?? ""}|${options.maxCount ?? ""}|${options.direction ?? ""}`;
    const events = await this.#streamReads.read(key, async () =>
      mapInSlices(await this.store.readStream(streamId, options), (event) => this.read(event)),
    );
    return [...events];
  }

  async readAll(options?: ReadAllOptions): Promise<WithmeStoredEvent[]> {
    return (await this.store.readAll(options)).map((event) => this.read(event));
  }

  /** An event ready to append: its data checked by the schema, stamped with the current version. */
  toAppend(event: DomainEvent, id: string, metadata: Omit<EventMetadata, "schemaVersion">): EventToAppend {
    return {
      id,
      type: event.type,
      // Text no PostgreSQL row can hold (a model's NUL) would stop every read model on this event.
      data: storableText(this.#catalogue.validate(event)),
      metadata: { ...metadata, schemaVersion: this.#catalogue.currentVersion(event.type) },
    };
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.store.append(streamId, events, expected);
  }
}
