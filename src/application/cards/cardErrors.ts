import { DomainError } from "../../domain/shared/decider.ts";

/** Size limits for untrusted card files; each file type is checked before any parsing. */
export const CARD_FILE_LIMITS = {
  pngBytes: 10 * 1024 * 1024,
  jsonBytes: 1024 * 1024,
  charxBytes: 20 * 1024 * 1024,
  charxEntries: 500,
  /** What one entry of a `.charx` may expand to, as its directory declares it. */
  charxEntryBytes: 10 * 1024 * 1024,
  charxTotalBytes: 64 * 1024 * 1024,
  /** Expanded size over compressed size, for entries past a few kilobytes. */
  charxRatio: 100,
  /** A SillyTavern chat file (JSONL). */
  chatBytes: 20 * 1024 * 1024,
  chatMessages: 20_000,
  /**
   * Texts a chat may hold, every swipe counted: each becomes an event of one append that every
   * read model then works through, so without a bound one file of short swipes held up the read
   * models of everyone for many minutes.
   */
  chatTexts: 40_000,
} as const;

/**
 * A card, lorebook or chat file withme cannot read: BAD_USER_INPUT with a one-line reason. Text
 * from the file never goes into the message beyond a short, single-line excerpt.
 */
export function badFile(reason: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(reason, "BAD_USER_INPUT", message.replace(/[\p{Cc}\s]+/gu, " ").trim(), details);
}

/** A short, single-line excerpt of untrusted text for an error message. */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/[\p{Cc}\s]+/gu, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

export function megabytes(bytes: number): string {
  // Rounded up, so a file just over a limit never reads as the limit itself.
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
