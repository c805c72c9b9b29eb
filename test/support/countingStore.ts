import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import type { ReadStreamOptions } from "../../src/ports/eventStore.ts";

/** An in-memory store that notes the reads of one stream, to count what a reader asked for. */
export class CountingStore extends InMemoryEventStore {
  reads: ReadStreamOptions[] = [];
  readonly #streamId: string;

  constructor(streamId: string) {
    super();
    this.#streamId = streamId;
  }

  override async readStream(id: string, options: ReadStreamOptions = {}) {
    if (id === this.#streamId) this.reads.push(options);
    return super.readStream(id, options);
  }
}
