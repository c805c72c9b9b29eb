import type { Presence } from "../../ports/presence.ts";

/** Presence for a single process: counts live connections per person in memory. */
export class InProcessPresence implements Presence {
  readonly #connections = new Map<string, number>();

  connected(userId: string): () => void {
    this.#connections.set(userId, (this.#connections.get(userId) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.#connections.get(userId) ?? 1) - 1;
      if (left <= 0) this.#connections.delete(userId);
      else this.#connections.set(userId, left);
    };
  }

  async isOnline(userId: string): Promise<boolean> {
    return (this.#connections.get(userId) ?? 0) > 0;
  }

  /** People with a live connection here now. */
  online(): string[] {
    return [...this.#connections.keys()];
  }

  async close(): Promise<void> {
    this.#connections.clear();
  }
}
