import { useEffect, useRef } from "react";

const CHANNEL = "withme.erasure";

/** People whose erasure this page has heard of: it keeps nothing of theirs in storage again. */
const erasedHere = new Set<string>();

/** Whether this page has heard that `ownerId` asked for their erasure. */
export function erasedInThisPage(ownerId: string): boolean {
  return erasedHere.has(ownerId);
}

/**
 * Tells this page and every other open tab of this site that the person asked for their erasure:
 * each drops what it holds of them in memory (unsent messages, drafts) and stops storing it, or an
 * open tab would write back what the erasing tab just cleared.
 */
export function announceErasure(ownerId: string | null): void {
  if (ownerId) erasedHere.add(ownerId);
  for (const listener of listeners) listener(ownerId);
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ ownerId });
  channel.close();
}

/** `null`: the person signed in, whose id the announcing page had not read yet. */
const listeners = new Set<(ownerId: string | null) => void>();

/**
 * Runs `onErased` when the person this page shows asks for their erasure in any tab (with `null`,
 * whoever is signed in: every tab of a browser shares one sign-in).
 */
export function useErasureAnywhere(ownerId: string | null, onErased: () => void): void {
  const latest = useRef(onErased);
  latest.current = onErased;
  useEffect(() => {
    const heard = (erased: string | null) => {
      const who = erased ?? ownerId;
      if (who) erasedHere.add(who);
      if (ownerId === null || erased === null || erased === ownerId) latest.current();
    };
    listeners.add(heard);
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
    channel?.addEventListener("message", (event: MessageEvent<{ ownerId?: unknown }>) => {
      const erased = event.data?.ownerId;
      if (typeof erased === "string" || erased === null) heard(erased);
    });
    return () => {
      listeners.delete(heard);
      channel?.close();
    };
  }, [ownerId]);
}

/** Tells every other open tab of this site that the person's account was erased, not only asked for. */
export function announceAccountErased(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ accountErased: true });
  channel.close();
}

/** Runs `onErased` when another tab heard that the account it shares with this one was erased. */
export function useAccountErasedAnywhere(onErased: () => void): void {
  const latest = useRef(onErased);
  latest.current = onErased;
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.addEventListener("message", (event: MessageEvent<{ accountErased?: unknown }>) => {
      if (event.data?.accountErased === true) latest.current();
    });
    return () => channel.close();
  }, []);
}
