import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import {
  assertSafeMediaKey,
  isContentAddressedKey,
  isSafeMediaKey,
  type MediaStorage,
  type MediaStorageDescription,
  type StoredMedia,
} from "../../ports/mediaStorage.ts";

export const DEFAULT_MEDIA_BUCKET = "agent-avatars";
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];

export interface SupabaseMediaStorageOptions {
  url: string;
  serviceRoleKey: string;
  bucket?: string;
  /** `public` URLs never expire; `signed` keeps the bucket private and signs each URL. */
  access?: "public" | "signed";
  signedUrlSeconds?: number;
  /** Largest object the bucket accepts, when it is created here. */
  fileSizeLimitBytes?: number;
  fetch?: typeof fetch;
}

interface StorageFailure {
  message: string;
  status?: number;
  statusCode?: string;
}

/** Storage's "not found" has been HTTP 404, or HTTP 400 with statusCode "404", by version. */
const isNotFound = (error: StorageFailure) =>
  error.status === 404 || error.statusCode === "404" || /not.?found/i.test(error.message);
const isDuplicate = (error: StorageFailure) =>
  error.status === 409 || error.statusCode === "409" || /already exists|duplicate/i.test(error.message);

/** Supabase Storage: a bucket (`agent-avatars`) ensured at start, objects uploaded with upsert. */
export class SupabaseMediaStorage implements MediaStorage {
  readonly #client: SupabaseClient;
  readonly #bucket: string;
  readonly #access: "public" | "signed";
  readonly #signedUrlSeconds: number;
  readonly #fileSizeLimit: number;
  readonly #host: string;
  readonly #signedViews = new Map<string, Promise<string>>();

  constructor(options: SupabaseMediaStorageOptions) {
    this.#client = createClient(options.url, options.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
    });
    this.#bucket = options.bucket ?? DEFAULT_MEDIA_BUCKET;
    this.#access = options.access ?? "public";
    this.#signedUrlSeconds = options.signedUrlSeconds ?? 7 * 24 * 60 * 60;
    this.#fileSizeLimit = options.fileSizeLimitBytes ?? 20 * 1024 * 1024;
    this.#host = new URL(options.url).host;
  }

  /** Creates the bucket when it is missing; refuses a bucket whose visibility contradicts `access`. */
  async ensureReady(): Promise<void> {
    const storage = this.#client.storage;
    const found = await storage.getBucket(this.#bucket);
    if (found.data) {
      if (this.#access === "public" && !found.data.public) {
        throw new Error(
          `Supabase bucket ${this.#bucket} is private: make it public, or choose signed URLs for media`,
        );
      }
      return;
    }
    if (!isNotFound(found.error)) throw failure(`reading bucket ${this.#bucket}`, found.error);
    const created = await storage.createBucket(this.#bucket, {
      public: this.#access === "public",
      allowedMimeTypes: IMAGE_TYPES,
      fileSizeLimit: this.#fileSizeLimit,
    });
    // Another replica may have created it a moment ago.
    if (created.error && !isDuplicate(created.error)) {
      throw failure(`creating bucket ${this.#bucket}`, created.error);
    }
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredMedia> {
    assertSafeMediaKey(key);
    const { error } = await this.#client.storage.from(this.#bucket).upload(key, bytes, {
      contentType,
      upsert: true,
      cacheControl: isContentAddressedKey(key) ? "31536000" : "300",
    });
    if (error) throw failure(`uploading ${key}`, error);
    return { key, url: await this.urlFor(key), sizeBytes: bytes.byteLength, contentType };
  }

  async deleteUrl(url: string): Promise<boolean> {
    const marker = `/${this.#bucket}/`;
    const at = url.indexOf(marker);
    const key = at < 0 ? "" : decodeURIComponent(url.slice(at + marker.length).split(/[?#]/)[0]!);
    if (!isSafeMediaKey(key)) return false;
    const { error } = await this.#client.storage.from(this.#bucket).remove([key]);
    if (error) throw failure(`deleting ${key}`, error);
    return true;
  }

  async urlFor(key: string): Promise<string> {
    const files = this.#client.storage.from(this.#bucket);
    if (this.#access === "public") return files.getPublicUrl(assertSafeMediaKey(key)).data.publicUrl;
    const { data, error } = await files.createSignedUrl(assertSafeMediaKey(key), this.#signedUrlSeconds);
    if (error) throw failure(`signing a URL for ${key}`, error);
    return data.signedUrl;
  }

  async viewUrl(url: string, until: Date): Promise<string> {
    const key = this.#keyOf(url);
    if (this.#access === "public" || key === null) return url;
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    const cacheKey = `${key}\0${until.getTime()}`;
    let signed = this.#signedViews.get(cacheKey);
    if (!signed) {
      // One signing request per picture and expiry, however many messages show it.
      if (this.#signedViews.size >= 10_000) this.#signedViews.clear();
      signed = this.#client.storage
        .from(this.#bucket)
        .createSignedUrl(key, seconds)
        .then(({ data, error }) => {
          if (error) throw failure(`signing a URL for ${key}`, error);
          return data.signedUrl;
        });
      this.#signedViews.set(cacheKey, signed);
      signed.catch(() => this.#signedViews.delete(cacheKey));
    }
    return signed;
  }

  async read(url: string): Promise<Uint8Array | null> {
    const key = this.#keyOf(url);
    if (key === null) return null;
    const { data, error } = await this.#client.storage.from(this.#bucket).download(key);
    if (error || !data) return null;
    return new Uint8Array(await data.arrayBuffer());
  }

  /** Public and signed URLs both name the object as `…/<bucket>/<key>`. */
  #keyOf(url: string): string | null {
    const marker = `/${this.#bucket}/`;
    const path = URL.canParse(url) ? new URL(url).pathname : "";
    const at = path.indexOf(marker);
    let key = "";
    try {
      key = at === -1 ? "" : decodeURIComponent(path.slice(at + marker.length));
    } catch {}
    return isSafeMediaKey(key) ? key : null;
  }

  describe(): MediaStorageDescription {
    return {
      adapter: "supabase-storage",
      offline: false,
      location: `bucket ${this.#bucket} at ${this.#host}`,
      urls: this.#access,
    };
  }
}

function failure(what: string, error: StorageFailure): Error {
  const status = error.status ? ` (HTTP ${error.status})` : "";
  return new Error(`Supabase Storage: ${what} failed${status}: ${error.message}`, { cause: error });
}
