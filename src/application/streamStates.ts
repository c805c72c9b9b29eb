import { LRUCache } from "lru-cache";
import type { Decider, DomainEvent } from "../domain/shared/decider.ts";
import type { CommandHandlerOptions, Folded, LoadOptions } from "./commandTypes.ts";
import type { EventLog } from "./eventLog.ts";
import { SharedReads } from "./sharedReads.ts";
import type { StateSnapshots } from "./snapshots/sealedSnapshots.ts";
import { foldInSlices } from "./snapshots/steppedWork.ts";

/** The folded states of the streams commands were last handled on, with snapshots stored beside them. */
export class StreamStates {
  readonly #events: EventLog;
  readonly #cache: LRUCache<string, Folded<unknown>>;
  readonly #reads = new SharedReads<Folded<unknown>>();
  readonly #snapshots: (decider: object) => StateSnapshots<unknown> | undefined;

  constructor(events: EventLog, options: Pick<CommandHandlerOptions, "snapshots" | "cacheSize">) {
    this.#events = events;
    this.#snapshots = options.snapshots ?? (() => undefined);
    this.#cache = new LRUCache({ max: options.cacheSize ?? 5_000 });
  }

  has(streamId: string): boolean {
    return this.#cache.has(streamId);
  }

  cached(streamId: string): Folded<unknown> | undefined {
    return this.#cache.get(streamId);
  }

  forgetWhere(isGone: (streamId: string) => boolean): void {
    for (const streamId of [...this.#cache.keys()]) if (isGone(streamId)) this.#cache.delete(streamId);
  }

  /**
   * The current state of a stream, from the cache plus whatever was appended since. Loads of one
   * stream made while a read of it is under way share the next read, which starts after them:
   * a burst of turns with one agent reads the agent's stream a few times, not once per turn.
   */
  async load<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    options: LoadOptions = {},
  ): Promise<Folded<State>> {
    const cached = this.#cache.get(streamId) as Folded<State> | undefined;
    const known = options.atLeastRevision;
    if (cached && known !== undefined && cached.revision !== null && cached.revision >= known) return cached;
    const fresh = options.freshWithinMs ?? -1;
    if (cached?.currentAt !== undefined && performance.now() - cached.currentAt <= fresh) return cached;
    return this.#reads.read(streamId, () => this.#readAndFold(decider, streamId)) as Promise<Folded<State>>;
  }

  async #readAndFold<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
  ): Promise<Folded<State>> {
    const currentAt = performance.now();
    let cached = this.#cache.get(streamId) as Folded<State> | undefined;
    const snapshot = cached ? null : await this.#snapshotsOf<State>(decider)?.load(streamId);
    if (snapshot) cached = { ...snapshot, snapshotAt: snapshot.revision };
    const fromRevision = cached?.revision == null ? 0 : cached.revision + 1;
    const recorded = await this.#events.readStream(streamId, { fromRevision });
    // A stream holds only its own aggregate's events, so the decider knows every one of them.
    // A long stretch (a long conversation first touched) is folded with pauses for other work.
    const state = await foldInSlices(
      recorded,
      (folded, event) => decider.evolve(folded, event as DomainEvent as Event),
      cached ? cached.state : decider.initialState(),
    );
    const revision = recorded.at(-1)?.revision ?? (cached ? cached.revision : null);
    const folded: Folded<State> = { state, revision, snapshotAt: cached?.snapshotAt, currentAt };
    // An append made while this read was under way may have cached a later state already.
    const now = this.#cache.get(streamId);
    if (now && now.revision !== null && (revision === null || now.revision > revision)) {
      return now as Folded<State>;
    }
    if (recorded.length > 0 || snapshot || cached) return this.keep(decider, streamId, folded);
    return folded;
  }

  /** Caches a stream's state and, every so many events, stores a snapshot of it beside the work. */
  keep<State>(decider: object, streamId: string, folded: Folded<State>): Folded<State> {
    const snapshots = this.#snapshotsOf<State>(decider);
    const { state, revision } = folded;
    const kept =
      snapshots && revision !== null && revision - (folded.snapshotAt ?? -1) >= snapshots.eventsBetween(state)
        ? { ...folded, snapshotAt: revision }
        : folded;
    this.#cache.set(streamId, kept);
    if (kept !== folded) void snapshots!.save(streamId, state, revision!);
    return kept;
  }

  #snapshotsOf<State>(decider: object): StateSnapshots<State> | undefined {
    return this.#snapshots(decider) as StateSnapshots<State> | undefined;
  }
}
