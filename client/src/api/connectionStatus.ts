import { useSyncExternalStore } from "react";

export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting";

/** Where the live connection stands, for the banner that says updates are paused. */
export class ConnectionStatusStore {
  #status: ConnectionStatus = "idle";
  readonly #listeners = new Set<() => void>();

  get status(): ConnectionStatus {
    return this.#status;
  }

  set(status: ConnectionStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

export function useConnectionStatus(store: ConnectionStatusStore): ConnectionStatus {
  return useSyncExternalStore(store.subscribe, () => store.status);
}
