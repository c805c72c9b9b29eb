import { SubjectErasedError } from "../../ports/dataKeys.ts";

/** Writes under people's keys that a key's destruction waits for, and refuses once it has begun. */
export interface KeyedWrites {
  /**
   * Runs `write` while none of the subjects' keys can be destroyed. Throws `SubjectErasedError`
   * at once for a subject whose key is being destroyed.
   */
  during<T>(subjectIds: readonly string[], write: () => Promise<T>): Promise<T>;
}

interface InFlight {
  count: number;
  idle: Promise<void>;
  settle: () => void;
}

/**
 * Keeps count of the writes in flight per subject. Destroying a key first closes the subject to
 * new writes, then waits for those already running: a write that got the key before the erasure
 * lands before it, and none lands after it.
 */
export class KeyedWriteGate implements KeyedWrites {
  readonly #inFlight = new Map<string, InFlight>();
  readonly #closing = new Map<string, Date>();

  async during<T>(subjectIds: readonly string[], write: () => Promise<T>): Promise<T> {
    for (const subjectId of subjectIds) {
      const erasedAt = this.#closing.get(subjectId);
      if (erasedAt) throw new SubjectErasedError(subjectId, erasedAt);
    }
    for (const subjectId of subjectIds) this.#enter(subjectId);
    try {
      return await write();
    } finally {
      for (const subjectId of subjectIds) this.#leave(subjectId);
    }
  }

  /** Whether a key's destruction is under way for the subject (new writes are refused). */
  isClosing(subjectId: string): boolean {
    return this.#closing.has(subjectId);
  }

  /** Closes the subject to new writes, waits for those in flight, then runs `destroy`. */
  async closeFor<T>(subjectId: string, erasedAt: Date, destroy: () => Promise<T>): Promise<T> {
    this.#closing.set(subjectId, erasedAt);
    try {
      await this.#inFlight.get(subjectId)?.idle;
      return await destroy();
    } finally {
      this.#closing.delete(subjectId);
    }
  }

  #enter(subjectId: string): void {
    const inFlight = this.#inFlight.get(subjectId);
    if (inFlight) {
      inFlight.count += 1;
      return;
    }
    let settle = () => {};
    const idle = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.#inFlight.set(subjectId, { count: 1, idle, settle });
  }

  #leave(subjectId: string): void {
    const inFlight = this.#inFlight.get(subjectId);
    if (!inFlight) return;
    inFlight.count -= 1;
    if (inFlight.count > 0) return;
    this.#inFlight.delete(subjectId);
    inFlight.settle();
  }
}
