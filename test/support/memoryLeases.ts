import type { LeaseHandle, Leases } from "../../src/ports/lease.ts";

/** One holder per name; waiting acquirers get the lease in turn. */
export class MemoryLeases implements Leases {
  readonly holders = new Map<string, { lost: AbortController }>();
  #waiting: (() => void)[] = [];

  async acquire(name: string, signal?: AbortSignal): Promise<LeaseHandle | null> {
    while (this.holders.has(name)) {
      if (signal?.aborted) return null;
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
        signal?.addEventListener("abort", () => resolve(), { once: true });
      });
    }
    if (signal?.aborted) return null;
    const lost = new AbortController();
    this.holders.set(name, { lost });
    return {
      name,
      lost: lost.signal,
      release: async () => {
        this.holders.delete(name);
        for (const wake of this.#waiting.splice(0)) wake();
      },
    };
  }

  async tryAcquire(name: string): Promise<LeaseHandle | null> {
    if (this.holders.has(name)) return null;
    return this.acquire(name);
  }

  async isHeld(name: string): Promise<boolean> {
    return this.holders.has(name);
  }

  /** The holder's connection drops. */
  lose(name: string): void {
    const holder = this.holders.get(name);
    this.holders.delete(name);
    holder?.lost.abort();
    for (const wake of this.#waiting.splice(0)) wake();
  }
}
