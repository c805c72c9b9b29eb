/**
 * Reads of one key asked for while one is under way share the next one, which starts after them,
 * so each caller still sees everything stored before it asked: a burst of asks for one key costs
 * two reads, not one each.
 */
export class SharedReads<T> {
  readonly #reading = new Map<string, { startedAt: number; result: Promise<T> }>();
  /** Orders asks and reads: an ask may share only a read that started after it. */
  #ticks = 0;

  async read(key: string, start: () => Promise<T>): Promise<T> {
    const askedAt = ++this.#ticks;
    for (;;) {
      const reading = this.#reading.get(key);
      if (reading && reading.startedAt > askedAt) return reading.result;
      if (!reading) return this.#start(key, start);
      await reading.result.catch(() => {});
    }
  }

  #start(key: string, start: () => Promise<T>): Promise<T> {
    const reading = { startedAt: ++this.#ticks, result: start() };
    this.#reading.set(key, reading);
    const done = () => {
      if (this.#reading.get(key) === reading) this.#reading.delete(key);
    };
    reading.result.then(done, done);
    return reading.result;
  }
}
