import { LRUCache } from "lru-cache";
import type { Principal } from "../ports/authenticator.ts";

type Role = Principal["role"];

/**
 * The role each person's newest sign-in token carries. Roles come from tokens, and a token stays
 * valid until it expires: once a newer token shows a person demoted, an older one still claiming
 * admin is read as a plain user's, and whatever that person opened as admin is told to end.
 * (Kept per API process: a demotion is seen where a newer token arrives.)
 */
export class RoleChanges {
  readonly #newest = new LRUCache<string, { role: Role; issuedAt: number }>({ max: 50_000 });
  readonly #listeners = new Map<string, Set<() => void>>();

  /** The role this token may act with, having noted it when it is the person's newest. */
  observe(userId: string, principal: Pick<Principal, "role" | "issuedAt">): Role {
    const issuedAt = principal.issuedAt?.getTime();
    if (issuedAt === undefined) return principal.role;
    const newest = this.#newest.get(userId);
    if (newest && newest.issuedAt > issuedAt) return newest.role === "user" ? "user" : principal.role;
    this.#newest.set(userId, { role: principal.role, issuedAt });
    if (newest?.role === "admin" && principal.role === "user") this.#demoted(userId);
    return principal.role;
  }

  /** Calls `listener` once when the person is demoted from admin; returns the unsubscribe. */
  onDemoted(userId: string, listener: () => void): () => void {
    const listeners = this.#listeners.get(userId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(userId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(userId) === listeners) this.#listeners.delete(userId);
    };
  }

  #demoted(userId: string): void {
    const listeners = this.#listeners.get(userId);
    this.#listeners.delete(userId);
    for (const listener of listeners ?? []) listener();
  }
}
