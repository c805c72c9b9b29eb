import { mayBePublicHost } from "../../domain/shared/publicHost.ts";
import { PrivateAddressError, publicOnlyFetch } from "../net/publicNetwork.ts";
import { imageSizeProblem } from "./imageLimits.ts";
import { type SniffedImage, sniffImage } from "./imageSniff.ts";

export type MediaDownloadFailure =
  | "BadUrl"
  | "PrivateAddress"
  | "HttpStatus"
  | "TooLarge"
  | "TooManyPixels"
  | "TypeNotAllowed"
  | "Network";

export class MediaDownloadError extends Error {
  readonly reason: MediaDownloadFailure;
  constructor(reason: MediaDownloadFailure, message: string) {
    super(message);
    this.name = "MediaDownloadError";
    this.reason = reason;
  }
}

export interface DownloadOptions {
  maxBytes: number;
  /** Image content types to accept, e.g. `["image/png", "image/jpeg", "image/webp"]`. */
  allowedTypes: readonly SniffedImage["contentType"][];
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How to fetch; by default only public internet addresses are reached, redirects included. */
  fetch?: typeof fetch;
}

export interface DownloadedImage {
  bytes: Uint8Array;
  /** What the bytes are, checked against the declared type. */
  contentType: SniffedImage["contentType"];
  width: number;
  height: number;
}

const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/** The place without its query, which may hold a token. */
const shown = (url: URL) => `${url.origin}${url.pathname}`;

/**
 * Fetches provider output before it is stored: refuses what is too large (by header, then while
 * streaming) and what is not one of the allowed image types, judged by the bytes themselves. A URL
 * on this machine or a private network is never fetched, even when a signed provider message names it.
 */
export async function download(url: string, options: DownloadOptions): Promise<DownloadedImage> {
  if (options.fetch) return fetchImage(url, options, options.fetch);
  if (URL.canParse(url) && !mayBePublicHost(new URL(url).hostname))
    throw new MediaDownloadError("PrivateAddress", `${shown(new URL(url))} is not a public address`);
  const guarded = publicOnlyFetch();
  try {
    return await fetchImage(url, options, guarded.fetch);
  } finally {
    await guarded.close();
  }
}

async function fetchImage(
  url: string,
  options: DownloadOptions,
  fetchUrl: typeof fetch,
): Promise<DownloadedImage> {
  if (!URL.canParse(url)) throw new MediaDownloadError("BadUrl", "the image URL cannot be parsed");
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new MediaDownloadError(
      "BadUrl",
      `only http and https image URLs are fetched, not ${parsed.protocol}`,
    );
  }
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 60_000), options.signal].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  let response: Response;
  try {
    response = await fetchUrl(parsed, {
      signal: AbortSignal.any(signals),
      redirect: "follow",
    });
  } catch (error) {
    if (causedByPrivateAddress(error))
      throw new MediaDownloadError("PrivateAddress", `${shown(parsed)} resolves to a non-public address`);
    throw new MediaDownloadError("Network", `fetching ${shown(parsed)} failed: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new MediaDownloadError("HttpStatus", `fetching ${shown(parsed)} answered HTTP ${response.status}`);
  }
  const declared = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const allowed = new Set<string>(options.allowedTypes);
  if (!GENERIC_TYPES.has(declared) && !allowed.has(declared)) {
    await response.body?.cancel();
    throw new MediaDownloadError(
      "TypeNotAllowed",
      `${shown(parsed)} is ${declared}, not an allowed image type`,
    );
  }
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  if (length > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(parsed, options.maxBytes);
  }
  const bytes = await readLimited(response, options.maxBytes, parsed);
  const sniffed = sniffImage(bytes);
  if (!sniffed || !allowed.has(sniffed.contentType)) {
    throw new MediaDownloadError(
      "TypeNotAllowed",
      `${shown(parsed)} holds ${sniffed?.contentType ?? "no recognisable image"}; allowed: ${[...allowed].join(", ")}`,
    );
  }
  if (!GENERIC_TYPES.has(declared) && declared !== sniffed.contentType) {
    throw new MediaDownloadError(
      "TypeNotAllowed",
      `${shown(parsed)} says ${declared} but holds ${sniffed.contentType}`,
    );
  }
  const problem = imageSizeProblem(sniffed);
  if (problem) throw new MediaDownloadError("TooManyPixels", `${shown(parsed)}: ${problem}`);
  return { bytes, contentType: sniffed.contentType, width: sniffed.width, height: sniffed.height };
}

function causedByPrivateAddress(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause)
    if (cause instanceof PrivateAddressError || (cause as { code?: unknown }).code === "EPRIVATEADDRESS")
      return true;
  return false;
}

const tooLarge = (url: URL, maxBytes: number) =>
  new MediaDownloadError("TooLarge", `${shown(url)} is larger than the ${maxBytes}-byte limit`);

async function readLimited(response: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof MediaDownloadError) throw error;
    throw new MediaDownloadError("Network", `reading ${shown(url)} failed: ${(error as Error).message}`);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
