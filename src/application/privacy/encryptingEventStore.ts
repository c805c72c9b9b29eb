import type { DataKeyStore } from "../../ports/dataKeys.ts";
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ProjectionEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from "../../ports/eventStore.ts";
import { ForwardingEventStore } from "../forwardingEventStore.ts";
import { slicedPauses } from "../snapshots/steppedWork.ts";
import type { KeyedWrites } from "./keyedWrites.ts";
import { PersonalDataCodec } from "./personalDataCodec.ts";
import type { PersonalDataPolicy } from "./personalDataPolicy.ts";

/**
 * Crypto-shredding in front of any event store: personal fields are encrypted with their person's
 * data key before they are appended and opened on every read, so the store below only ever holds
 * ciphertext for them. Once a person's key is destroyed their fields read as erased values that
 * still pass the event schemas, and replay, rebuilds and time travel go on working. With `writes`,
 * an append that seals someone's fields runs as one of their keyed writes: their erasure waits for
 * it, and it is refused (`SubjectErasedError`) once the erasure has begun.
 */
export class EncryptingEventStore extends ForwardingEventStore {
  readonly #codec: PersonalDataCodec;
  readonly #writes: KeyedWrites | null;

  constructor(
    inner: EventStore,
    options: { keys: DataKeyStore; policy: PersonalDataPolicy; writes?: KeyedWrites },
  ) {
    super(inner);
    this.#codec = new PersonalDataCodec(options.keys, options.policy);
    this.#writes = options.writes ?? null;
  }

  override async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // Each event's plaintext is found once: it names the people whose writes these are, and sealing uses it.
    const found = events.map((event) => this.#codec.plaintext(streamId, event));
    const people = new Set<string>();
    for (const { person, fields } of found) if (person !== null && fields > 0) people.add(person);
    if (!this.#writes || people.size === 0) return this.#sealAndAppend(streamId, events, found, expected);
    return this.#writes.during([...people], () => this.#sealAndAppend(streamId, events, found, expected));
  }

  async #sealAndAppend(
    streamId: string,
    events: readonly EventToAppend[],
    found: readonly { person: string | null; fields: number }[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const sealed: EventToAppend[] = [];
    // Tens of thousands of events (an imported chat) are sealed with pauses for other work.
    const pause = slicedPauses();
    for (const [i, event] of events.entries()) {
      const { data } = await this.#codec.seal(streamId, event, "refuse", found[i]);
      sealed.push(data === event.data ? event : { ...event, data });
      const turn = pause();
      if (turn) await turn;
    }
    return this.inner.append(streamId, sealed, expected);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.#codec.open(await this.inner.readStream(streamId, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.#codec.open(await this.inner.readAll(options), "on first use");
  }

  // Opened at once: a rebuild parses nearly every event it reads, and opening them as the batch is
  // read measured a little faster than opening each as a projection parses it.
  override async readAllForProjections(options?: ReadAllOptions): Promise<ProjectionEvent[]> {
    return this.#codec.open(await super.readAllForProjections(options));
  }

  override async *subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]> {
    for await (const batch of this.inner.subscribeToAll(options))
      yield await this.#codec.open(batch, "on first use");
  }
}
