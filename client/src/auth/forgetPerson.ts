import { forgetLastAgent } from "../chat/lastAgent.ts";
import { forgetAllUnsent } from "../chat/unsentMessages.ts";

/**
 * Clears what this browser kept of the signed-in person besides their sign-in: the messages they
 * left unsent, the companion they last talked to, and anything else the client stored under its
 * name in session storage. Run on sign-out and once the person has asked for their erasure.
 */
export function forgetPersonInBrowser(local: Storage, session: Storage): void {
  forgetAllUnsent(local);
  forgetLastAgent(local);
  try {
    const keys = Array.from({ length: session.length }, (_, i) => session.key(i));
    for (const key of keys) if (key?.startsWith("withme.")) session.removeItem(key);
  } catch {
    // Storage refused: nothing was kept there either.
  }
}
