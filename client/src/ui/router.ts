import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
if (typeof window !== "undefined") window.addEventListener("popstate", notify);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Goes to a path in the app, query included; `replace` leaves no history entry behind. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/**
 * One query parameter of the current address. The server serves the app at `/` and `/admin`
 * only, so views inside the chat app (`/?view=settings`) live in the query and survive a reload.
 */
export function useSearchParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => new URLSearchParams(window.location.search).get(name));
}

/** Sets or removes query parameters of the current address in place, so a reload shows the same. */
export function replaceSearchParams(changes: Record<string, string | null>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ""}`, { replace: true });
}

/** One query parameter of the address as it is now, read once (a starting value). */
export const searchParamNow = (name: string): string | null =>
  new URLSearchParams(window.location.search).get(name);
