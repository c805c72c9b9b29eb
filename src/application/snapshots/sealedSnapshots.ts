import { type DataKeyStore, SubjectErasedError } from "../../ports/dataKeys.ts";
import type { SnapshotStore } from "../../ports/snapshotStore.ts";
import { cipherFor } from "../privacy/fieldCipher.ts";
import { type Envelope, isEnvelope } from "../privacy/fieldEnvelope.ts";
import { jsonFromLinesInSteps, jsonLinesInSteps, runInSlices } from "./steppedWork.ts";

/** Stored states of long streams, so loading one reads only the events after its snapshot. */
export interface StateSnapshots<State> {
  /** Events folded after a snapshot of this state before the next one is stored. */
  eventsBetween(state: State): number;
  load(streamId: string): Promise<{ state: State; revision: number } | null>;
  /** Never fails: a snapshot that cannot be stored only makes a later load read more. */
  save(streamId: string, state: State, revision: number): Promise<void>;
}

/** A state as JSON and back, and the version of that shape and of the fold behind it. */
export interface StateCodec<State, Json> {
  version: number;
  toJson(state: State): Json;
  /** `toJson` with pauses between its steps, for states that take a while to write out. */
  toJsonInSteps?(state: State): Generator<void, Json, void>;
  fromJson(json: Json): State;
  /** `fromJson` with pauses between its steps, for states that take a while to rebuild. */
  fromJsonInSteps?(json: Json): Generator<void, State, void>;
}

export interface SealedSnapshotsDependencies<State, Json> {
  store: SnapshotStore;
  keys: DataKeyStore;
  codec: StateCodec<State, Json>;
  /** The person whose data a stream's state holds; null: the stream is not snapshotted. */
  subjectOf(streamId: string): string | null;
  /** Events folded between two snapshots of a stream, at the least. */
  every: number;
  /**
   * How large a state is, in the events it is worth: the next snapshot waits for at least that
   * many, so writing one out (which costs the state's size) comes the less often the larger the
   * state, and each event's share of it stays the same however long the stream grows.
   */
  sizeOf?(state: State): number;
  /** A snapshot that would not store or open: the stream is folded from its events instead. */
  onError(error: unknown, streamId: string): void;
}

/**
 * Snapshots sealed with the data key of the person they belong to, like their personal fields in
 * the events: once the key is destroyed no snapshot of theirs opens, and erasure deletes them. The
 * stream id, revision and version are the associated data, so a snapshot moved to another stream
 * or revision does not open. A snapshot of another version, or one that does not open, is ignored.
 */
export class SealedSnapshots<State, Json> implements StateSnapshots<State> {
  readonly #deps: SealedSnapshotsDependencies<State, Json>;

  constructor(deps: SealedSnapshotsDependencies<State, Json>) {
    this.#deps = deps;
  }

  eventsBetween(state: State): number {
    return Math.max(this.#deps.every, this.#deps.sizeOf?.(state) ?? 0);
  }

  async load(streamId: string): Promise<{ state: State; revision: number } | null> {
    const { store, keys, codec, subjectOf, onError } = this.#deps;
    const subject = subjectOf(streamId);
    if (subject === null) return null;
    try {
      const stored = await store.load(streamId);
      if (!stored || stored.version !== codec.version || stored.subjectId !== subject) return null;
      const envelope: unknown = JSON.parse(stored.payload);
      if (!isEnvelope(envelope)) return null;
      const cipher = cipherFor(await keys.keyFor(subject));
      // A long conversation's snapshot takes hundreds of milliseconds to open and rebuild: it is
      // decrypted and rebuilt a slice at a time, other requests answered in between.
      const state = await runInSlices(
        openedState(
          codec,
          cipher.openTextInSteps(sealedAs(streamId, stored.revision), ["state", codec.version], envelope),
        ),
      );
      return { state, revision: stored.revision };
    } catch (error) {
      if (!(error instanceof SubjectErasedError)) onError(error, streamId);
      return null;
    }
  }

  async save(streamId: string, state: State, revision: number): Promise<void> {
    const { store, keys, codec, subjectOf, onError } = this.#deps;
    const subject = subjectOf(streamId);
    if (subject === null) return;
    try {
      const cipher = cipherFor(await keys.keyFor(subject));
      // A long conversation's state takes tens of milliseconds to write out: it is written a
      // slice at a time after the command that asked for it has answered, replies going on.
      const envelope = await runInSlices(
        sealedJson(codec, state, (parts) =>
          cipher.sealJsonPartsInSteps(sealedAs(streamId, revision), ["state", codec.version], parts),
        ),
      );
      await store.save({
        streamId,
        subjectId: subject,
        revision,
        version: codec.version,
        payload: envelopeText(envelope),
      });
    } catch (error) {
      // An erased person's state is never stored again.
      if (!(error instanceof SubjectErasedError)) onError(error, streamId);
    }
  }
}

function* sealedJson<State, Json>(
  codec: StateCodec<State, Json>,
  state: State,
  seal: (parts: readonly string[]) => Generator<void, Envelope, void>,
): Generator<void, Envelope, void> {
  const json = codec.toJsonInSteps ? yield* codec.toJsonInSteps(state) : codec.toJson(state);
  return yield* seal(yield* jsonLinesInSteps(json));
}

function* openedState<State, Json>(
  codec: StateCodec<State, Json>,
  open: Generator<void, string, void>,
): Generator<void, State, void> {
  const text = yield* open;
  const json = (yield* jsonFromLinesInSteps(text)) as Json;
  return codec.fromJsonInSteps ? yield* codec.fromJsonInSteps(json) : codec.fromJson(json);
}

/** `JSON.stringify(envelope)` without reading its megabytes of ciphertext: base64url needs no escapes. */
function envelopeText(envelope: Envelope): string {
  return `{"$enc":1,"kid":${JSON.stringify(envelope.kid)},"iv":"${envelope.iv}","ct":"${envelope.ct}"}`;
}

/** What a snapshot is sealed as: the cipher binds it to this name. */
function sealedAs(streamId: string, revision: number): string {
  return `snapshot:${streamId}:${revision}`;
}
