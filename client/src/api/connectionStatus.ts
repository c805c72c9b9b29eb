import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from "react";

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

/** The signed-in page's connection, for what waits on it coming back. */
export const ConnectionStatusContext = createContext<ConnectionStatusStore | null>(null);

/**
 * Calls `onBack` when the page is connected again: the browser is back online, or the live socket
 * has reconnected after it was lost.
 */
export function useWhenConnectedAgain(onBack: () => void): void {
  const store = useContext(ConnectionStatusContext);
  const latest = useRef(onBack);
  latest.current = onBack;
  useEffect(() => {
    const run = () => latest.current();
    let previous = store?.status ?? "idle";
    const unsubscribe = store?.subscribe(() => {
      if (store.status === "connected" && previous === "reconnecting") run();
      previous = store.status;
    });
    window.addEventListener("online", run);
    return () => {
      unsubscribe?.();
      window.removeEventListener("online", run);
    };
  }, [store]);
}
