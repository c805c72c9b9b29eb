/**
 * File names for downloads: the name as written ("Zoë.png") with an ASCII fallback ("Zoe.png")
 * for older tools, and both in one RFC 6266 `Content-Disposition` value.
 */
export interface DownloadName {
  fileName: string;
  asciiFileName: string;
  contentDisposition: string;
}

const MAX_STEM = 60;

export function downloadName(stem: string, extension: string, fallback: string): DownloadName {
  const unicode =
    cut(
      stem
        .normalize("NFC")
        // Path separators, characters file systems refuse, and controls.
        .replace(/[\\/:*?"<>|%\p{Cc}\p{Cf}]+/gu, "")
        .trim()
        .replace(/\s+/g, "-")
        .replace(/^\.+/, ""),
    ) || fallback;
  const ascii =
    cut(
      stem
        .normalize("NFKD")
        .replace(/[^\w -]+/g, "")
        .trim()
        .replace(/\s+/g, "-"),
    ) || fallback;
  const fileName = `${unicode}.${extension}`;
  const asciiFileName = `${ascii}.${extension}`;
  return {
    fileName,
    asciiFileName,
    contentDisposition: `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeRfc5987(fileName)}`,
  };
}

function cut(text: string): string {
  return Array.from(text).slice(0, MAX_STEM).join("");
}

/** RFC 5987 `value-chars`: percent-encoded UTF-8, leaving only attr-chars as they are. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
