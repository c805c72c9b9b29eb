/**
 * Where portraits and selfies are kept once made. Keys are relative paths of safe segments
 * (`agents/<agentId>/<sha256>.png`); a key whose file name is a content hash never changes, so
 * it can be cached forever.
 */
export interface StoredMedia {
  key: string;
  url: string;
  sizeBytes: number;
  contentType: string;
}

export interface MediaStorageDescription {
  adapter: string;
  offline: boolean;
  /** Where the files live, e.g. a folder or `bucket agent-avatars at https://…`. */
  location: string;
  /** `public` URLs last; `signed` URLs expire and should be fetched again with `urlFor`. */
  urls: "public" | "signed";
}

export interface MediaStorage {
  /** Stores (or replaces) the object at `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredMedia>;
  /** A URL a browser can load the object from now. */
  urlFor(key: string): Promise<string>;
  /**
   * A URL a browser can load the object behind `url` (one this storage gave out) from until
   * `until`, for someone allowed to see it; URLs that are not its own come back as they are.
   */
  viewUrl(url: string, until: Date): Promise<string>;
  /** Deletes the object one of this storage's URLs names; false for URLs that are not its own. */
  deleteUrl(url: string): Promise<boolean>;
  /** The bytes behind a URL this storage gave out, or null when the URL is not one of its own. */
  read(url: string): Promise<Uint8Array | null>;
  /** Creates what is missing (folder, bucket); safe to call at every start. */
  ensureReady(): Promise<void>;
  describe(): MediaStorageDescription;
}

export class UnsafeMediaKeyError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(
      `media key ${JSON.stringify(key)} is not allowed: use segments of letters, digits, '.', '_' or '-'`,
    );
    this.name = "UnsafeMediaKeyError";
    this.key = key;
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/** True for relative keys of plain segments that do not start with a dot (no `..`, `/x` or `\`). */
export function isSafeMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment));
}

export function assertSafeMediaKey(key: string): string {
  if (!isSafeMediaKey(key)) throw new UnsafeMediaKeyError(key);
  return key;
}

/** File names that are a hex content hash (16+ digits) name bytes that never change. */
export function isContentAddressedKey(key: string): boolean {
  const name = key.slice(key.lastIndexOf("/") + 1);
  return /^[0-9a-f]{16,128}\.[a-z0-9]+$/.test(name);
}
