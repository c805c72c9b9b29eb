import { type Envelope, type FieldPath, isEnvelope } from "./fieldEnvelope.ts";

/** Each element of an array, in a compiled path. */
export const EACH: unique symbol = Symbol("each element");

export type CompiledPath = readonly (string | typeof EACH)[];

/** `items[].text` → `["items", EACH, "text"]`. */
export function compilePath(path: string): CompiledPath {
  const segments: (string | typeof EACH)[] = [];
  for (const part of path.split(".")) {
    const match = /^([A-Za-z_$][\w$]*)((?:\[\])*)$/.exec(part);
    if (!match) throw new Error(`not a personal field path: ${path}`);
    segments.push(match[1]!);
    for (let i = 0; i < match[2]!.length / 2; i++) segments.push(EACH);
  }
  return segments;
}

/** Whether a concrete path (`["facts", 3]`) is one the compiled path names (`["facts", EACH]`). */
export function pathMatches(compiled: CompiledPath, path: FieldPath): boolean {
  if (compiled.length !== path.length) return false;
  return compiled.every((segment, i) =>
    segment === EACH ? typeof path[i] === "number" : segment === path[i],
  );
}

/**
 * Replaces the values a compiled path reaches with `visit(value, path)`, copying only what changes:
 * the input is never modified, and comes back as is when nothing changed. Absent fields are skipped.
 * `path` is only valid during the call (it is reused, not copied, for each value).
 */
export function mapAtPath(
  data: unknown,
  compiled: CompiledPath,
  visit: (value: unknown, path: FieldPath) => unknown,
): unknown {
  return mapFrom(data, compiled, 0, [], visit);
}

function mapFrom(
  node: unknown,
  compiled: CompiledPath,
  depth: number,
  path: (string | number)[],
  visit: (value: unknown, path: FieldPath) => unknown,
): unknown {
  if (depth === compiled.length) return visit(node, path);
  const segment = compiled[depth]!;
  if (segment === EACH) {
    if (!Array.isArray(node)) return node;
    let copy: unknown[] | null = null;
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      const next = mapFrom(node[i], compiled, depth + 1, path, visit);
      path.pop();
      if (next !== node[i]) {
        copy ??= node.slice();
        copy[i] = next;
      }
    }
    return copy ?? node;
  }
  if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, segment)) {
    return node;
  }
  const child = (node as Record<string, unknown>)[segment];
  path.push(segment);
  const next = mapFrom(child, compiled, depth + 1, path, visit);
  path.pop();
  return next === child ? node : { ...(node as Record<string, unknown>), [segment]: next };
}

/**
 * Adds the subject of every envelope anywhere in the data to `subjects`; whether there was one.
 * Every event of a read passes through here, so plain values are never handed to a call.
 */
export function collectEnvelopeSubjects(data: unknown, subjects: Set<string>): boolean {
  return data !== null && typeof data === "object" && collectFrom(data, subjects);
}

function collectFrom(node: object, subjects: Set<string>): boolean {
  let found = false;
  if (Array.isArray(node)) {
    for (const item of node) {
      if (item !== null && typeof item === "object" && collectFrom(item, subjects)) found = true;
    }
    return found;
  }
  const record = node as Record<string, unknown>;
  if (record.$enc !== undefined && isEnvelope(record)) {
    subjects.add(record.kid);
    return true;
  }
  for (const key in record) {
    const value = record[key];
    if (value !== null && typeof value === "object" && collectFrom(value, subjects)) found = true;
  }
  return found;
}

/**
 * Replaces every envelope anywhere in the data with `open(envelope, path)`, copying only what changes.
 * `path` is only valid during the call.
 */
export function mapEnvelopes(data: unknown, open: (envelope: Envelope, path: FieldPath) => unknown): unknown {
  return mapEnvelopesFrom(data, [], open);
}

function mapEnvelopesFrom(
  node: unknown,
  path: (string | number)[],
  open: (envelope: Envelope, path: FieldPath) => unknown,
): unknown {
  if (node === null || typeof node !== "object") return node;
  if ((node as { $enc?: unknown }).$enc !== undefined && isEnvelope(node)) return open(node, path);
  if (Array.isArray(node)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      const next = mapEnvelopesFrom(node[i], path, open);
      path.pop();
      if (next !== node[i]) {
        copy ??= node.slice();
        copy[i] = next;
      }
    }
    return copy ?? node;
  }
  let copy: Record<string, unknown> | null = null;
  const record = node as Record<string, unknown>;
  for (const key in record) {
    path.push(key);
    const next = mapEnvelopesFrom(record[key], path, open);
    path.pop();
    if (next !== record[key]) {
      copy ??= { ...record };
      copy[key] = next;
    }
  }
  return copy ?? node;
}
