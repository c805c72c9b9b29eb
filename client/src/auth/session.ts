import { useSyncExternalStore } from "react";

export type SessionSource = "dev" | "supabase";

export interface SessionSnapshot {
  token: string | null;
  source: SessionSource | null;
  /** Changes on sign-in and sign-out, not when a token is refreshed. */
  generation: number;
  /** Why the last session ended, for the sign-in screen. */
  notice: string | null;
}

const KEY = "withme.session";

/** The signed-in token, kept in localStorage so a reload stays signed in. */
export class SessionStore {
  #snapshot: SessionSnapshot;
  readonly #listeners = new Set<() => void>();
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
    const saved = readSaved(storage);
    this.#snapshot = {
      token: saved?.token ?? null,
      source: saved?.source ?? null,
      generation: 0,
      notice: null,
    };
  }

  get snapshot(): SessionSnapshot {
    return this.#snapshot;
  }

  token = (): string | null => this.#snapshot.token;

  signIn(token: string, source: SessionSource): void {
    const same = this.#snapshot.token !== null && this.#snapshot.source === source;
    this.#storage.setItem(KEY, JSON.stringify({ token, source }));
    const generation = this.#snapshot.generation + (same ? 0 : 1);
    this.#emit({ token, source, generation, notice: null });
  }

  signOut(notice: string | null = null): void {
    this.#storage.removeItem(KEY);
    if (this.#snapshot.token === null && notice === this.#snapshot.notice) return;
    this.#emit({ token: null, source: null, generation: this.#snapshot.generation + 1, notice });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #emit(snapshot: SessionSnapshot): void {
    this.#snapshot = snapshot;
    for (const listener of this.#listeners) listener();
  }
}

function readSaved(storage: Storage): { token: string; source: SessionSource } | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? "null") as { token?: unknown; source?: unknown } | null;
    if (typeof value?.token !== "string" || (value.source !== "dev" && value.source !== "supabase"))
      return null;
    return { token: value.token, source: value.source };
  } catch {
    return null;
  }
}

export function useSession(store: SessionStore): SessionSnapshot {
  return useSyncExternalStore(store.subscribe, () => store.snapshot);
}
