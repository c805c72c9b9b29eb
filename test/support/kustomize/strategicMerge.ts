/**
 * The part of Kubernetes' strategic merge patch that the manifests use: maps merge key by key, `null`
 * deletes a key, lists of named things merge item by item, and any other list is replaced. Merged
 * lists follow kustomize's order: the patch's items first, then the untouched ones as they were.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The merge key of each list field that merges by item (from the Kubernetes API's patch strategy). */
const mergeKeys: Record<string, (item: JsonObject) => string> = {
  containers: () => "name",
  initContainers: () => "name",
  env: () => "name",
  volumes: () => "name",
  volumeMounts: () => "mountPath",
  imagePullSecrets: () => "name",
  // Container ports merge on containerPort, a Service's on port.
  ports: (item) => ("containerPort" in item ? "containerPort" : "port"),
};

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function strategicMerge(target: Json | undefined, patch: Json, field = ""): Json | undefined {
  if (patch === null) return undefined;
  if (isObject(patch)) {
    const merged: JsonObject = isObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith("$")) throw new Error(`patch directive ${key} is not supported`);
      const next = strategicMerge(merged[key], value, key);
      if (next === undefined) delete merged[key];
      else merged[key] = next;
    }
    return merged;
  }
  if (Array.isArray(patch) && Array.isArray(target) && field in mergeKeys) {
    return mergeList(target, patch, field);
  }
  return structuredClone(patch);
}

function mergeList(target: Json[], patch: Json[], field: string): Json[] {
  const keyOf = (item: Json): Json => {
    if (!isObject(item)) throw new Error(`${field}: every item must be an object to merge`);
    const key = mergeKeys[field]!(item);
    if (item[key] === undefined) throw new Error(`${field}: an item has no ${key} to merge on`);
    return item[key]!;
  };
  const patchKeys = new Set(patch.map(keyOf));
  const merged = patch.map((item) => {
    const existing = target.find((candidate) => keyOf(candidate) === keyOf(item));
    return strategicMerge(existing, item) as Json;
  });
  return [
    ...merged,
    ...target.filter((item) => !patchKeys.has(keyOf(item))).map((item) => structuredClone(item)),
  ];
}
