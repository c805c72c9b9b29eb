import { LRUCache } from "lru-cache";
import {
  type DataKey,
  type DataKeyStanding,
  type DataKeyStore,
  SubjectErasedError,
} from "../../ports/dataKeys.ts";
import { KeyedWriteGate, type KeyedWrites } from "./keyedWrites.ts";

export interface CachingDataKeyStoreOptions {
  /** Subjects kept in memory (default 10,000). */
  max?: number;
  /**
   * How long a key is used from memory before it is looked up again (default 60 s). It bounds how
   * long another process that still holds a destroyed key in memory can go on using it.
   */
  ttlMs?: number;
  /** Milliseconds for the time to live (default `performance.now`); tests move it by hand. */
  now?: () => number;
}

/**
 * Keeps recently used keys and erasures in memory so that reads and appends do not look keys up
 * each time. Concurrent first uses of one subject share one lookup. A subject with no key yet is
 * never remembered, since another process may make it at any moment. Writes sealed with a key run
 * through `during`, and destroying the key waits for them and refuses new ones, so nothing sealed
 * in this process is appended after the person's erasure.
 */
export class CachingDataKeyStore implements DataKeyStore, KeyedWrites {
  readonly #inner: DataKeyStore;
  readonly #cache: LRUCache<string, Exclude<DataKeyStanding, { state: "none" }>>;
  readonly #making = new Map<string, Promise<DataKey>>();
  readonly #writes = new KeyedWriteGate();
  /**
   * Counts the erasures begun, ended or heard of. A look-up that overlapped one may have read the
   * key just before it was destroyed: what it found is answered but not remembered, or it would
   * outlive the erasure in memory for the whole time to live.
   */
  #erasures = 0;

  constructor(inner: DataKeyStore, options: CachingDataKeyStoreOptions = {}) {
    this.#inner = inner;
    this.#cache = new LRUCache({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? 60_000,
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  async keyFor(subjectId: string): Promise<DataKey> {
    const cached = this.#cache.get(subjectId);
    if (cached?.state === "key") return cached.key;
    if (cached?.state === "erased") throw new SubjectErasedError(subjectId, cached.erasedAt);
    let making = this.#making.get(subjectId);
    if (!making) {
      making = this.#make(subjectId).finally(() => this.#making.delete(subjectId));
      this.#making.set(subjectId, making);
    }
    return making;
  }

  async standings(subjectIds: readonly string[]): Promise<Map<string, DataKeyStanding>> {
    const found = new Map<string, DataKeyStanding>();
    const missing: string[] = [];
    for (const subjectId of subjectIds) {
      const cached = this.#cache.get(subjectId);
      if (cached) found.set(subjectId, cached);
      else missing.push(subjectId);
    }
    if (missing.length === 0) return found;
    const erasures = this.#erasures;
    for (const [subjectId, standing] of await this.#inner.standings(missing)) {
      if (standing.state !== "none" && erasures === this.#erasures) this.#cache.set(subjectId, standing);
      found.set(subjectId, standing);
    }
    return found;
  }

  during<T>(subjectIds: readonly string[], write: () => Promise<T>): Promise<T> {
    return this.#writes.during(subjectIds, write);
  }

  /** Whether the subject's key is being destroyed (waiting for writes in flight). */
  isDestroying(subjectId: string): boolean {
    return this.#writes.isClosing(subjectId);
  }

  async destroy(subjectId: string, erasedAt: Date): Promise<{ erasedAt: Date }> {
    return this.#writes.closeFor(subjectId, erasedAt, async () => {
      this.#erasures++;
      this.#cache.delete(subjectId);
      const result = await this.#inner.destroy(subjectId, erasedAt);
      this.#erasures++;
      this.#cache.set(subjectId, { state: "erased", erasedAt: result.erasedAt });
      return result;
    });
  }

  /** Forgets a subject, for when another process says it erased them. */
  evict(subjectId: string): void {
    this.#erasures++;
    this.#cache.delete(subjectId);
  }

  async #make(subjectId: string): Promise<DataKey> {
    const erasures = this.#erasures;
    try {
      const key = await this.#inner.keyFor(subjectId);
      if (erasures === this.#erasures) this.#cache.set(subjectId, { state: "key", key });
      return key;
    } catch (error) {
      if (error instanceof SubjectErasedError) {
        this.#cache.set(subjectId, { state: "erased", erasedAt: error.erasedAt });
      }
      throw error;
    }
  }
}
