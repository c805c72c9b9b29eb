/**
 * One string per stream id for the events a process projects. Each event read from the store comes
 * with a string of its own, and the rows it writes keep it as (part of) their key for as long as
 * they are cached: in a rebuild, where every row stays cached, that was one copy of the id per
 * event, each copied by the young-generation collector and promoted, and each row-cache lookup
 * hashed a fresh string and compared it character by character with the one its map held. With
 * the id made the same string as every earlier event's of that stream, the rows share it and a
 * lookup finds it by identity. Past `limit` ids it starts afresh, so it never outgrows the streams
 * in use.
 */
export class StreamIds {
  readonly #ids = new Map<string, string>();
  readonly #limit: number;
  /**
   * The id given last: events come in runs of one stream's (seven in ten of a rebuild's workload),
   * and comparing with it cost a third of hashing the fresh string for the map.
   */
  #last = "";

  constructor(limit = 100_000) {
    this.#limit = limit;
  }

  /** The string this process uses for the stream id: the first one it was given. */
  shared(id: string): string {
    if (id === this.#last) return this.#last;
    let known = this.#ids.get(id);
    if (known === undefined) {
      if (this.#ids.size >= this.#limit) this.#ids.clear();
      this.#ids.set(id, id);
      known = id;
    }
    this.#last = known;
    return known;
  }

  get size(): number {
    return this.#ids.size;
  }
}
