import type { GraphQLParams } from "graphql-yoga";
import { z } from "zod";
import { badInput } from "./errors.ts";

const MAX_MAPPED_FILES = 16;
const MAX_PATH_SEGMENTS = 16;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const operationsSchema = z.object({
  query: z.string().optional(),
  operationName: z.string().nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

const mapSchema = z
  .record(z.string(), z.array(z.string()).min(1).max(MAX_PATH_SEGMENTS))
  .refine((map) => Object.keys(map).length <= MAX_MAPPED_FILES, `at most ${MAX_MAPPED_FILES} files`);

function refused(message: string) {
  // Not the spec's hint: a request that is not well formed is a 400 for legacy JSON clients too.
  return badInput(`Check the upload: ${message}`, { http: { status: 400 } });
}

function jsonField(form: FormData, name: string): unknown {
  const raw = form.get(name);
  if (typeof raw !== "string") throw refused(`send the "${name}" field as JSON text.`);
  try {
    return JSON.parse(raw);
  } catch {
    throw refused(`the "${name}" field is not valid JSON.`);
  }
}

/**
 * A GraphQL multipart request (the upload spec), checked before anything is assembled: the
 * `operations` field is one operation object, `map` names files sent beside it and places each at
 * a path under `variables`. Anything else is the client's mistake, refused as BAD_USER_INPUT (400).
 */
export async function parseMultipartRequest(request: Request): Promise<GraphQLParams> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw refused("the body is not valid multipart/form-data.");
  }
  const operations = operationsSchema.safeParse(jsonField(form, "operations"));
  if (!operations.success) throw refused('"operations" must be one object with a query and variables.');
  const params = operations.data;
  if (form.get("map") === null) return params as GraphQLParams;
  const map = mapSchema.safeParse(jsonField(form, "map"));
  if (!map.success)
    throw refused('"map" must be an object from file field names to lists of "variables.…" paths.');
  const variables: Record<string, unknown> = { ...(params.variables ?? {}) };
  for (const [field, paths] of Object.entries(map.data)) {
    // Not `instanceof File`: the request may come from a fetch ponyfill with its own File class.
    const file = form.get(field);
    if (file === null || typeof file === "string")
      throw refused(`"map" names the file "${field}", which was not sent.`);
    for (const path of paths) place(variables, path, file);
  }
  return { ...params, variables } as GraphQLParams;
}

/** Puts the file at `variables.a.0.b`, through objects and lists the operation already holds. */
function place(variables: Record<string, unknown>, path: string, file: File): void {
  const [root, ...keys] = path.split(".");
  if (root !== "variables" || keys.length === 0 || keys.length > MAX_PATH_SEGMENTS)
    throw refused(`the path "${path.slice(0, 100)}" in "map" must start with "variables.".`);
  let current: Record<string, unknown> = variables;
  for (const [index, key] of keys.entries()) {
    if (FORBIDDEN_KEYS.has(key) || key === "") throw refused(`the path "${path}" in "map" is not allowed.`);
    if (index === keys.length - 1) {
      current[key] = file;
      return;
    }
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === undefined || next === null) current[key] = {};
    else if (typeof next !== "object")
      throw refused(`the path "${path}" in "map" runs through a plain value.`);
    current = current[key] as Record<string, unknown>;
  }
}
