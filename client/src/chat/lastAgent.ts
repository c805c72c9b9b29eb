/**
 * The companion the person last talked to, opened again on their next visit. It is theirs alone:
 * signing out forgets it, so whoever signs in next on this browser starts at the companion list
 * and is not put into (and greeted in) a conversation they never chose.
 */
const LAST_AGENT = "withme.agent";

export function lastAgent(storage: Storage): string | null {
  try {
    return storage.getItem(LAST_AGENT);
  } catch {
    return null;
  }
}

export function rememberLastAgent(storage: Storage, agentId: string): void {
  try {
    storage.setItem(LAST_AGENT, agentId);
  } catch {
    // Storage refused: the next visit starts at the list.
  }
}

export function forgetLastAgent(storage: Storage): void {
  try {
    storage.removeItem(LAST_AGENT);
  } catch {
    // Storage refused: nothing was kept there either.
  }
}
