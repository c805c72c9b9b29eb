import { z } from "zod";
import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { type JsonObject, jsonObjectProblem } from "../../domain/shared/json.ts";
import { badFile } from "./cardErrors.ts";

/**
 * Zod pieces tolerant of the cards people actually share: a missing or null text is empty, a
 * number where text belongs is written as text, null items in lists are dropped, and a missing
 * `extensions` is `{}`. What cannot be read as its kind still fails, with a path.
 */

export const looseText = z.preprocess(
  (v) =>
    v === null || v === undefined ? "" : typeof v === "number" || typeof v === "boolean" ? String(v) : v,
  z.string(),
);

export const looseTextList = z.preprocess(
  (v) =>
    v === null || v === undefined
      ? []
      : Array.isArray(v)
        ? v.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === "number" ? String(x) : x))
        : typeof v === "string"
          ? v.split(",")
          : v,
  z.array(z.string()),
);

export const jsonObject = z.preprocess(
  (v) => (v === null || v === undefined ? {} : v),
  z.custom<JsonObject>().superRefine((v, context) => {
    const problem = jsonObjectProblem(v);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
);

export const looseBoolean = (fallback: boolean) =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).catch(fallback);

export const optionalBoolean = z
  .preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean().nullable().optional())
  .catch(null);

export const looseNumber = z
  .preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number().finite().nullish(),
  )
  .catch(null);

/** Parses with `schema`, or says in one line what is wrong and where. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string, reason: string): T {
  const result = parsedOrProblem(schema, value);
  if ("data" in result) return result.data;
  throw badFile(reason, `The ${what} is not valid: ${result.path} ${result.problem}.`, { path: result.path });
}

/** The parsed value, or where it is wrong ("keys", "document") and what is wrong there. */
export function parsedOrProblem<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { data: T } | { path: string; problem: string } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join(".") || "document";
  const given = issue.path.reduce<unknown>(
    (at, key) =>
      typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
  return { path, problem: describe(issue, given) };
}

function describe(issue: z.core.$ZodIssue, given: unknown): string {
  if (issue.code === "invalid_type")
    return given === undefined || given === null
      ? "is missing"
      : `should be ${issue.expected === "string" ? "text" : withIndefiniteArticle(issue.expected)}`;
  return issue.message.toLowerCase().replace(/\.$/, "");
}

/** A whole number within bounds, or null. */
export function intOrNull(value: number | null | undefined, min: number, max: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.min(max, Math.max(min, Math.round(value)));
}
