import {
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
  type SubscribeOptions,
} from "../../../src/ports/eventStore.ts";

/** The smallest store the encrypting one can sit on: one list in memory, positions are indexes. */
export class RecordingEventStore implements EventStore {
  readonly name = "recording";
  readonly events: RecordedEvent[] = [];

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    _expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let revision = (await this.streamRevision(streamId)) ?? -1;
    for (const event of events) {
      revision += 1;
      this.events.push({
        ...structuredClone(event),
        streamId,
        revision,
        position: String(this.events.length + 1),
        recordedAt: new Date(),
      });
    }
    return { nextRevision: revision, position: String(this.events.length), idempotent: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return structuredClone(
      this.events.filter((e) => e.streamId === streamId && e.revision >= (options.fromRevision ?? 0)),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined || options.after === START ? 0 : Number(options.after);
    return structuredClone(this.events.slice(after, after + (options.maxCount ?? 1_000)));
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const batch = await this.readAll({ after: options.after, maxCount: options.batchSize });
    if (batch.length > 0) yield batch;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    return this.events.filter((e) => e.streamId === streamId).at(-1)?.revision ?? null;
  }

  async streamIdsStartingWith(prefix: string): Promise<string[]> {
    return [...new Set(this.events.map((e) => e.streamId).filter((id) => id.startsWith(prefix)))];
  }

  async headPosition(): Promise<string> {
    return this.events.length === 0 ? START : String(this.events.length);
  }

  async distance(from: string, to: string): Promise<number> {
    return Number(to) - Number(from === START ? 0 : from);
  }

  comparePositions(a: string, b: string): number {
    return Number(a === START ? 0 : a) - Number(b === START ? 0 : b);
  }

  async close(): Promise<void> {}
}
