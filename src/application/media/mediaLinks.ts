import { createHmac, type KeyObject, timingSafeEqual } from "node:crypto";

/** Query parameters a signed media link carries. */
export const LINK_EXPIRES = "expires";
export const LINK_SIGNATURE = "signature";

const HOUR_SECONDS = 3600;

/**
 * Signs and checks links to stored media (`/media/<key>?expires=…&signature=…`): whoever holds a
 * link may load that one file until it expires, and nobody can make or stretch one without the
 * key. The API hands links out only to people who may see the picture, so a file's path alone
 * (an unguessable hash, but kept in logs, histories and events) opens nothing.
 */
export class MediaLinkSigner {
  readonly #key: KeyObject;

  constructor(key: KeyObject) {
    this.#key = key;
  }

  /** `url` (a path or an absolute URL naming `key`) with a signature good until `until`. */
  sign(url: string, key: string, until: Date): string {
    const expires = Math.floor(until.getTime() / 1000);
    const bare = url.split(/[?#]/)[0]!;
    return `${bare}?${LINK_EXPIRES}=${expires}&${LINK_SIGNATURE}=${this.#signature(key, expires)}`;
  }

  /** Whether the query of a request for `key` carries a signature of it that has not expired at `now`. */
  verify(key: string, query: URLSearchParams, now: Date): boolean {
    const expiresText = query.get(LINK_EXPIRES) ?? "";
    const given = query.get(LINK_SIGNATURE) ?? "";
    if (!/^\d{1,12}$/.test(expiresText) || !/^[A-Za-z0-9_-]{43}$/.test(given)) return false;
    const expires = Number(expiresText);
    if (expires * 1000 <= now.getTime()) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(this.#signature(key, expires)));
  }

  #signature(key: string, expires: number): string {
    return createHmac("sha256", this.#key)
      .update(`withme media link v1\0${key}\0${expires}`)
      .digest("base64url");
  }
}

/**
 * When a link handed out at `now` expires: at least `minimumSeconds` away, rounded up to a whole
 * hour, so every link to a file made within the same hour is the same URL and browsers cache it.
 */
export function linkExpiry(now: Date, minimumSeconds: number): Date {
  const earliest = Math.floor(now.getTime() / 1000) + minimumSeconds;
  return new Date(Math.ceil(earliest / HOUR_SECONDS) * HOUR_SECONDS * 1000);
}

/** How long links handed out for viewing stay good, and those in a personal data export. */
export const VIEW_LINK_SECONDS = 12 * HOUR_SECONDS;
export const EXPORT_LINK_SECONDS = 7 * 24 * HOUR_SECONDS;
