import { z } from "zod";

/** A JSON value as `JSON.parse` gives it back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const MAX_DEPTH = 32;

/** Whether `value` is plain JSON (no functions, no cycles, finite numbers), at most `MAX_DEPTH` deep. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && isJsonValue(value);
}

/** Size of the value written as JSON, in UTF-8 bytes. */
export function jsonBytes(value: JsonValue): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** A JSON object of at most `maxBytes` when written out: data kept for other tools, never read by withme. */
export function jsonObjectSchema(maxBytes: number) {
  return z
    .custom<JsonObject>((value) => isJsonObject(value), { message: "expected a JSON object" })
    .refine((value) => jsonBytes(value) <= maxBytes, {
      message: `expected at most ${maxBytes} bytes of JSON`,
    });
}
