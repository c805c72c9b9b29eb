import type { MediaStorage, StoredMedia } from "../../src/ports/mediaStorage.ts";

/** Media kept in a map, under `/media/<key>` URLs, for application tests without files. */
export class MemoryMediaStorage implements MediaStorage {
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredMedia> {
    this.files.set(key, { bytes, contentType });
    return { key, url: await this.urlFor(key), sizeBytes: bytes.byteLength, contentType };
  }
  async urlFor(key: string): Promise<string> {
    return `/media/${key}`;
  }
  /** Marks the URL as handed out for viewing, so tests can tell it went through here. */
  async viewUrl(url: string, until: Date): Promise<string> {
    return url.startsWith("/media/") ? `${url}?until=${until.getTime()}` : url;
  }
  async read(url: string): Promise<Uint8Array | null> {
    return this.files.get(url.replace(/^\/media\//, ""))?.bytes ?? null;
  }
  async deleteUrl(url: string): Promise<boolean> {
    if (!url.startsWith("/media/")) return false;
    this.files.delete(url.slice("/media/".length));
    return true;
  }
  async ensureReady(): Promise<void> {}
  describe() {
    return { adapter: "memory", offline: true, location: "memory", urls: "public" as const };
  }
}
