import { z } from "zod";

/** A JSON value as `JSON.parse` gives it back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const MAX_JSON_DEPTH = 32;

/** Whether `value` is plain JSON (no functions, no cycles, finite numbers), at most `MAX_JSON_DEPTH` deep. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  return jsonFault(value, depth) === null;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return jsonObjectFault(value) === null;
}

/** Why `value` is not a JSON object withme keeps: not an object, nested too deep, or not plain JSON. */
export function jsonObjectFault(value: unknown): "notObject" | "tooDeep" | "notJson" | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "notObject";
  return jsonFault(value, 0);
}

function jsonFault(value: unknown, depth: number): "tooDeep" | "notJson" | null {
  if (depth > MAX_JSON_DEPTH) return "tooDeep";
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : "notJson";
  if (typeof value !== "object") return "notJson";
  if (!Array.isArray(value)) {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return "notJson";
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const fault = jsonFault(item, depth + 1);
    if (fault) return fault;
  }
  return null;
}

/** What is wrong with a JSON object field, as words that follow its name ("extensions …"), or null. */
export function jsonObjectProblem(value: unknown, maxBytes?: number): string | null {
  const fault = jsonObjectFault(value);
  if (fault === "notObject") return "should be a JSON object";
  if (fault === "tooDeep") return `nest deeper than ${MAX_JSON_DEPTH} levels, the limit`;
  if (fault === "notJson") return "hold something that is not plain JSON";
  if (maxBytes === undefined) return null;
  const bytes = jsonBytes(value as JsonObject);
  return bytes > maxBytes
    ? `are ${Math.ceil(bytes / 1000)} kB; the limit is ${Math.floor(maxBytes / 1000)} kB`
    : null;
}

/** Size of the value written as JSON, in UTF-8 bytes. */
export function jsonBytes(value: JsonValue): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** A JSON object of at most `maxBytes` when written out: data kept for other tools, never read by withme. */
export function jsonObjectSchema(maxBytes: number) {
  return z.unknown().transform((value, context) => {
    const problem = jsonObjectProblem(value, maxBytes);
    if (problem) {
      context.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return value as JsonObject;
  });
}
