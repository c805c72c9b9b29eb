import type { CombinedError } from "@urql/core";

const minute = 60_000;
const day = 24 * 60 * minute;

/** "just now", "5 min ago", "14:05", "yesterday 14:05", "Mon 14:05", "3 Mar" — for chat timestamps. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return "";
  const ago = now - at;
  if (ago < 45_000) return "just now";
  if (ago < 60 * minute) return `${Math.max(1, Math.round(ago / minute))} min ago`;
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  if (at >= today.getTime()) return time;
  if (at >= today.getTime() - day) return `yesterday ${time}`;
  if (at >= today.getTime() - 6 * day)
    return `${date.toLocaleDateString(undefined, { weekday: "short" })} ${time}`;
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

export function fullTime(iso: string): string {
  const at = new Date(iso);
  return Number.isFinite(at.getTime()) ? at.toLocaleString() : iso;
}

/** The agent's wall clock now, e.g. "21:40" and "Tuesday". */
export function clockIn(timezone: string, now: Date = new Date()): { time: string; weekday: string } {
  try {
    const time = now.toLocaleTimeString(undefined, {
      timeZone: timezone,
      hour: "2-digit",
      minute: "2-digit",
    });
    const weekday = now.toLocaleDateString(undefined, { timeZone: timezone, weekday: "long" });
    return { time, weekday };
  } catch {
    return { time: "", weekday: "" };
  }
}

/** The sentence to show for a failed operation: the server's own message when it sent one. */
export function errorText(error: CombinedError | Error | undefined | null, fallback: string): string {
  if (!error) return fallback;
  if ("graphQLErrors" in error && error.graphQLErrors.length > 0) return error.graphQLErrors[0]!.message;
  if ("networkError" in error && error.networkError) return "The server could not be reached; try again.";
  return error.message || fallback;
}

export function errorCode(error: CombinedError | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === "string" ? code : null;
}

/** One colour per mood, shared by the chat header and the admin chart. */
export const MOOD_COLORS: Record<string, string> = {
  joyful: "#f2a516",
  content: "#53b36b",
  calm: "#3aa6b9",
  playful: "#e0457b",
  affectionate: "#d6336c",
  curious: "#7b61ff",
  melancholy: "#5c7cfa",
  anxious: "#f08c00",
  irritated: "#e03131",
  tired: "#868e96",
};

export const titleCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");

/** "1 entry", "3 entries": a lorebook's size. */
export function entriesLabel(count: number): string {
  return `${count} ${count === 1 ? "entry" : "entries"}`;
}
