import { createHash } from "node:crypto";
import { assertSafeMediaKey } from "../../ports/mediaStorage.ts";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

const CONTENT_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]),
);

export function extensionFor(contentType: string): string {
  const extension = EXTENSIONS[contentType];
  if (!extension) throw new Error(`no file extension is known for ${contentType}`);
  return extension;
}

/** The content type a stored file name implies, or a generic one for unknown names. */
export function contentTypeForKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return CONTENT_TYPES[extension === "jpeg" ? "jpg" : extension] ?? "application/octet-stream";
}

/**
 * `<folder>/<sha256>.<ext>`: the same bytes always land on the same key, so storing twice is
 * harmless and the URL can be cached forever.
 */
export function contentAddressedKey(folder: string, bytes: Uint8Array, contentType: string): string {
  const digest = createHash("sha256").update(bytes).digest("hex");
  return assertSafeMediaKey(`${folder}/${digest}.${extensionFor(contentType)}`);
}

/** Where an agent's portraits and selfies live. */
export const agentMediaFolder = (agentId: string) => assertSafeMediaKey(`agents/${agentId}`);
