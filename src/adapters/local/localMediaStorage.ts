import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { contentTypeForKey } from "../../application/media/mediaKeys.ts";
import {
  assertSafeMediaKey,
  isContentAddressedKey,
  isSafeMediaKey,
  type MediaStorage,
  type MediaStorageDescription,
  type StoredMedia,
} from "../../ports/mediaStorage.ts";

export const LOCAL_MEDIA_PREFIX = "/media";

export interface LocalMediaStorageOptions {
  dataDir: string;
  /** Prepended to `/media/<key>` when set; relative URLs otherwise (same origin as the API). */
  publicBaseUrl?: string;
}

/** The offline MediaStorage: files under `<dataDir>/media/<key>`, served by `serveLocalMedia`. */
export class LocalMediaStorage implements MediaStorage {
  readonly directory: string;
  readonly #base: string;

  constructor(options: LocalMediaStorageOptions) {
    this.directory = path.resolve(options.dataDir, "media");
    this.#base = (options.publicBaseUrl ?? "").replace(/\/$/, "");
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredMedia> {
    const file = fileFor(this.directory, assertSafeMediaKey(key));
    // Files are served by their extension, so the two must agree.
    if (contentTypeForKey(key) !== contentType) {
      throw new Error(`media key ${key} does not end in the extension for ${contentType}`);
    }
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    return { key, url: await this.urlFor(key), sizeBytes: bytes.byteLength, contentType };
  }

  async urlFor(key: string): Promise<string> {
    return `${this.#base}${LOCAL_MEDIA_PREFIX}/${assertSafeMediaKey(key)}`;
  }

  async deleteUrl(url: string): Promise<boolean> {
    const at = url.indexOf(`${LOCAL_MEDIA_PREFIX}/`);
    const key = at < 0 ? "" : url.slice(at + LOCAL_MEDIA_PREFIX.length + 1).split(/[?#]/)[0]!;
    if (!isSafeMediaKey(key)) return false;
    await rm(fileFor(this.directory, key), { force: true });
    return true;
  }

  async read(url: string): Promise<Uint8Array | null> {
    const prefix = `${this.#base}${LOCAL_MEDIA_PREFIX}/`;
    const key = url.startsWith(prefix) ? url.slice(prefix.length).split(/[?#]/)[0]! : "";
    if (!isSafeMediaKey(key)) return null;
    try {
      return new Uint8Array(await readFile(fileFor(this.directory, key)));
    } catch {
      return null;
    }
  }

  async ensureReady(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
  }

  describe(): MediaStorageDescription {
    return { adapter: "local-files", offline: true, location: this.directory, urls: "public" };
  }
}

function fileFor(directory: string, key: string): string {
  const file = path.resolve(directory, ...key.split("/"));
  if (!file.startsWith(directory + path.sep)) throw new Error(`media key ${key} leaves the media folder`);
  return file;
}

/**
 * A node:http handler for `GET|HEAD /media/<key>`: returns false for other paths so the caller
 * can route them on. Content-addressed keys are cached for a year; others revalidate by ETag.
 */
export function serveLocalMedia(
  directory: string,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const root = path.resolve(directory);
  return (request, response) => {
    // The raw path, not a normalised one: `/media/%2e%2e/x` must reach the key check below.
    const pathname = (request.url ?? "/").split(/[?#]/)[0]!;
    if (!pathname.startsWith(`${LOCAL_MEDIA_PREFIX}/`)) return false;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("use GET or HEAD\n");
      return true;
    }
    serve(root, pathname.slice(LOCAL_MEDIA_PREFIX.length + 1), request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end();
    });
    return true;
  };
}

async function serve(root: string, rawKey: string, request: IncomingMessage, response: ServerResponse) {
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    key = "";
  }
  const info = isSafeMediaKey(key) ? await stat(fileFor(root, key)).catch(() => null) : null;
  if (!info?.isFile()) {
    response.writeHead(404, { "content-type": "text/plain", "cache-control": "no-store" }).end("not found\n");
    return;
  }
  const name = key.slice(key.lastIndexOf("/") + 1);
  const immutable = isContentAddressedKey(key);
  const etag = immutable
    ? `"${name.slice(0, name.indexOf("."))}"`
    : `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    etag,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "public, no-cache",
    "last-modified": info.mtime.toUTCString(),
    "x-content-type-options": "nosniff",
  };
  const wanted = request.headers["if-none-match"];
  if (wanted?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, {
    ...headers,
    "content-type": contentTypeForKey(key),
    "content-length": info.size,
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  const stream = createReadStream(fileFor(root, key));
  stream.on("error", () => response.destroy());
  stream.pipe(response);
}
