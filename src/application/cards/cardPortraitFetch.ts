import { download, MediaDownloadError } from "../media/download.ts";
import type { CardPortrait } from "./readCardFile.ts";

/** What a portrait a card points to may be: the same as a PNG card's own image, and quick to come. */
export const CARD_PORTRAIT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  allowedTypes: ["image/png", "image/jpeg", "image/webp"],
} as const;

/**
 * The portrait a card names by an http(s) URL, fetched from public internet addresses only
 * (redirects included), within the size and type limits. A portrait that cannot be fetched is a
 * note for the operator, not a failed import.
 */
export async function fetchCardPortrait(
  url: string,
  /** How to fetch; by default only public internet addresses are reached. */
  fetchWith?: typeof fetch,
): Promise<{ portrait: CardPortrait } | { warning: string }> {
  try {
    const image = await download(url, {
      maxBytes: CARD_PORTRAIT_LIMITS.maxBytes,
      allowedTypes: [...CARD_PORTRAIT_LIMITS.allowedTypes],
      timeoutMs: CARD_PORTRAIT_LIMITS.timeoutMs,
      ...(fetchWith ? { fetch: fetchWith } : {}),
    });
    return { portrait: { bytes: image.bytes, contentType: image.contentType } };
  } catch (error) {
    if (!(error instanceof MediaDownloadError)) throw error;
    return { warning: `The card's portrait was not fetched: ${error.message}. Generate or upload one.` };
  }
}
