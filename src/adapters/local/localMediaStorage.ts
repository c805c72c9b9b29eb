import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { contentTypeForKey } from "../../application/media/mediaKeys.ts";
import type { MediaLinkSigner } from "../../application/media/mediaLinks.ts";
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
  /** Signs the links `viewUrl` hands out; `serveLocalMedia` serves a file only by such a link. */
  links: MediaLinkSigner;
}

/** The offline MediaStorage: files under `<dataDir>/media/<key>`, served by `serveLocalMedia`. */
export class LocalMediaStorage implements MediaStorage {
  readonly directory: string;
  readonly #base: string;
  readonly #links: MediaLinkSigner;

  constructor(options: LocalMediaStorageOptions) {
    this.directory = path.resolve(options.dataDir, "media");
    this.#base = (options.publicBaseUrl ?? "").replace(/\/$/, "");
    this.#links = options.links;
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

  async viewUrl(url: string, until: Date): Promise<string> {
    const key = this.#keyOf(url);
    return key === null ? url : this.#links.sign(url, key, until);
  }

  async deleteUrl(url: string): Promise<boolean> {
    const at = url.indexOf(`${LOCAL_MEDIA_PREFIX}/`);
    const key = at < 0 ? "" : url.slice(at + LOCAL_MEDIA_PREFIX.length + 1).split(/[?#]/)[0]!;
    if (!isSafeMediaKey(key)) return false;
    await rm(fileFor(this.directory, key), { force: true });
    return true;
  }

  async read(url: string): Promise<Uint8Array | null> {
    const key = this.#keyOf(url);
    if (key === null) return null;
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
    return { adapter: "local-files", offline: true, location: this.directory, urls: "signed" };
  }

  /** The key one of this storage's URLs names (also a path kept from before PUBLIC_BASE_URL was set), or null. */
  #keyOf(url: string): string | null {
    const prefix = [`${this.#base}${LOCAL_MEDIA_PREFIX}/`, `${LOCAL_MEDIA_PREFIX}/`].find((p) =>
      url.startsWith(p),
    );
    const key = prefix ? url.slice(prefix.length).split(/[?#]/)[0]! : "";
    return isSafeMediaKey(key) ? key : null;
  }
}

function fileFor(directory: string, key: string): string {
  const file = path.resolve(directory, ...key.split("/"));
  if (!file.startsWith(directory + path.sep)) throw new Error(`media key ${key} leaves the media folder`);
  return file;
}

/**
 * A node:http handler for `GET|HEAD /media/<key>?expires=…&signature=…`: returns false for other
 * paths so the caller can route them on. A file is served only by a link `links` signed that has
 * not expired (403 otherwise), privately cached until then.
 */
export function serveLocalMedia(
  directory: string,
  links: MediaLinkSigner,
  now: () => Date,
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
    const query = new URLSearchParams((request.url ?? "").split("#")[0]!.split("?")[1] ?? "");
    const link = { query, links, now: now() };
    serve(root, pathname.slice(LOCAL_MEDIA_PREFIX.length + 1), link, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end();
    });
    return true;
  };
}

interface Link {
  query: URLSearchParams;
  links: MediaLinkSigner;
  now: Date;
}

async function serve(
  root: string,
  rawKey: string,
  link: Link,
  request: IncomingMessage,
  response: ServerResponse,
) {
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    key = "";
  }
  // An unsafe or unreadable key gets the same 403 as a bad link, so no answer tells which paths exist.
  if (!isSafeMediaKey(key) || !link.links.verify(key, link.query, link.now)) {
    const message = "This picture's link is not valid or has expired: load the picture again from withme.\n";
    response.writeHead(403, { "content-type": "text/plain", "cache-control": "no-store" }).end(message);
    return;
  }
  const info = await stat(fileFor(root, key)).catch(() => null);
  if (!info?.isFile()) {
    response.writeHead(404, { "content-type": "text/plain", "cache-control": "no-store" }).end("not found\n");
    return;
  }
  const name = key.slice(key.lastIndexOf("/") + 1);
  const immutable = isContentAddressedKey(key);
  const etag = immutable
    ? `"${name.slice(0, name.indexOf("."))}"`
    : `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const secondsLeft = Math.max(
    0,
    Math.floor((Number(link.query.get("expires")) * 1000 - link.now.getTime()) / 1000),
  );
  const headers = {
    etag,
    // Private: a shared cache must not hand the picture to someone without the link.
    "cache-control": immutable ? `private, max-age=${secondsLeft}, immutable` : "private, no-cache",
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
