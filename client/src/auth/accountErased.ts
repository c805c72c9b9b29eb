import type { SessionStore } from "./session.ts";

/** What the sign-in screen says once the person's account was erased. */
export const ACCOUNT_ERASED_NOTICE =
  "Your account was deleted and everything in it erased; this browser keeps nothing of it either.";

/**
 * Whether a socket close says the account was erased, not that the token was refused: both close
 * with 4403, and only the erasure's reason names the deleted account.
 */
export function closedForErasure(code: number, reason: string): boolean {
  return code === 4403 && /account was deleted/i.test(reason);
}

/** Empties every store this site used on this browser: web storage, IndexedDB and caches. */
export async function clearSiteStorage(): Promise<void> {
  for (const storage of [localStorage, sessionStorage]) {
    try {
      storage.clear();
    } catch {
      // Storage refused: nothing was kept there either.
    }
  }
  const databases = (await indexedDB?.databases?.().catch(() => [])) ?? [];
  for (const { name } of databases) if (name) indexedDB.deleteDatabase(name);
  if (typeof caches !== "undefined")
    for (const key of await caches.keys().catch(() => [])) await caches.delete(key);
}

/** Signs the page out once the account is gone, leaving nothing of it behind. */
export function endErasedSession(session: SessionStore): void {
  session.signOut(ACCOUNT_ERASED_NOTICE);
  void clearSiteStorage();
}
