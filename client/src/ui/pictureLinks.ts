/**
 * Picture links expire. When one fails to load, the picture asks for a fresh link once, and
 * every picture given the old link afterwards (a list read before the link expired, a remount)
 * uses the fresh one. A link is asked about only the first time it fails, and a fresh link never
 * leads back to one already replaced, so a picture that is really gone stays broken without a loop.
 */
const replaced = new Map<string, string>();
const asked = new Set<string>();

/** The newest link known for a picture first given as `url`. */
export function currentLink(url: string): string {
  let link = url;
  for (let step = 0; step <= replaced.size && replaced.has(link); step++) link = replaced.get(link)!;
  return link;
}

/** Whether a link that failed to load is worth a request for a fresh one: only the first time. */
export function firstFailure(url: string): boolean {
  if (asked.has(url)) return false;
  asked.add(url);
  return true;
}

/** Records the fresh link given for one that failed; false when it is nothing new. */
export function replaceLink(failed: string, fresh: string | null | undefined): boolean {
  if (!fresh || fresh === failed || replaced.has(fresh) || currentLink(fresh) === failed) return false;
  replaced.set(failed, fresh);
  return true;
}

/** Forgets every link (for tests). */
export function resetLinks(): void {
  replaced.clear();
  asked.clear();
}
