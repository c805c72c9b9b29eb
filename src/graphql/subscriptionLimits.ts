import { apiError } from "./errors.ts";

export interface SubscriptionCaps {
  /** Open subscriptions on one WebSocket connection (an SSE request holds one). */
  perConnection: number;
  /** Open subscriptions of one person across their connections, in this API process. */
  perPerson: number;
}

export const defaultSubscriptionCaps: SubscriptionCaps = { perConnection: 25, perPerson: 100 };

/**
 * Counts open subscriptions by connection and by person, and refuses one over either cap with
 * RATE_LIMITED, so a client that subscribes in a loop cannot hold the server's memory hostage.
 */
export class OpenSubscriptions {
  readonly #caps: SubscriptionCaps;
  readonly #byConnection = new WeakMap<object, number>();
  readonly #byPerson = new Map<string, number>();
  readonly #endings = new Map<string, Set<() => void>>();
  #total = 0;

  constructor(caps: SubscriptionCaps = defaultSubscriptionCaps) {
    this.#caps = caps;
  }

  get total(): number {
    return this.#total;
  }

  /** How many subscriptions the person holds open in this process. */
  of(userId: string): number {
    return this.#byPerson.get(userId) ?? 0;
  }

  /** Ends every subscription the person holds open in this process (they were erased). */
  endAllOf(userId: string): void {
    for (const end of [...(this.#endings.get(userId) ?? [])]) end();
  }

  /**
   * Takes a slot; the returned function gives it back (once, however often it is called). `end`
   * ends the subscription when `endAllOf` is called for its person.
   */
  open(connection: object, userId: string | null, end?: () => void): () => void {
    const onConnection = this.#byConnection.get(connection) ?? 0;
    if (onConnection >= this.#caps.perConnection)
      throw apiError(
        "RATE_LIMITED",
        `This connection already has ${onConnection} subscriptions open; end one before starting another.`,
        { limit: this.#caps.perConnection },
      );
    const ofPerson = userId ? (this.#byPerson.get(userId) ?? 0) : 0;
    if (userId && ofPerson >= this.#caps.perPerson)
      throw apiError(
        "RATE_LIMITED",
        `You already have ${ofPerson} subscriptions open; close some tabs or devices and try again.`,
        { limit: this.#caps.perPerson },
      );
    this.#byConnection.set(connection, onConnection + 1);
    if (userId) this.#byPerson.set(userId, ofPerson + 1);
    this.#total++;
    if (userId && end) this.#endings.set(userId, (this.#endings.get(userId) ?? new Set()).add(end));
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      if (userId && end) this.#forgetEnding(userId, end);
      this.#total--;
      this.#byConnection.set(connection, (this.#byConnection.get(connection) ?? 1) - 1);
      if (!userId) return;
      const left = (this.#byPerson.get(userId) ?? 1) - 1;
      if (left > 0) this.#byPerson.set(userId, left);
      else this.#byPerson.delete(userId);
    };
  }

  #forgetEnding(userId: string, end: () => void): void {
    const endings = this.#endings.get(userId);
    endings?.delete(end);
    if (endings?.size === 0) this.#endings.delete(userId);
  }
}
