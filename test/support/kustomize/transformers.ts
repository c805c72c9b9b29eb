import { isObject, type Json, type JsonObject } from "./strategicMerge.ts";

export interface ImageRule {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** Kinds that live outside any namespace; the namespace transformer leaves them alone. */
const clusterScoped = new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "PersistentVolume",
  "StorageClass",
  "IngressClass",
  "CustomResourceDefinition",
  "PriorityClass",
]);

function metadataOf(object: JsonObject): JsonObject {
  if (!isObject(object.metadata)) object.metadata = {};
  return object.metadata as JsonObject;
}

export function setNamespace(object: JsonObject, namespace: string): void {
  if (clusterScoped.has(String(object.kind))) return;
  metadataOf(object).namespace = namespace;
}

/** `labels` without includeSelectors or includeTemplates: only the objects' own metadata. */
export function addLabels(object: JsonObject, pairs: Record<string, string>): void {
  const metadata = metadataOf(object);
  metadata.labels = { ...(isObject(metadata.labels) ? metadata.labels : {}), ...pairs };
}

/** Splits `registry:5000/name:tag@sha256:…` into name, tag and digest. */
export function parseImage(image: string): { name: string; tag?: string; digest?: string } {
  const [withoutDigest = "", digest] = image.split("@");
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    ...(hasTag ? { tag: withoutDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

function rewriteImage(image: string, rules: ImageRule[]): string {
  const parsed = parseImage(image);
  const rule = rules.find((candidate) => candidate.name === parsed.name);
  if (!rule) return image;
  const name = rule.newName ?? parsed.name;
  if (rule.digest) return `${name}@${rule.digest}`;
  const tag = rule.newTag ?? parsed.tag;
  return `${name}${tag ? `:${tag}` : ""}${!rule.newTag && parsed.digest ? `@${parsed.digest}` : ""}`;
}

/** Rewrites the image of every container and init container, wherever the pod template sits. */
export function setImages(value: Json, rules: ImageRule[]): void {
  if (Array.isArray(value)) {
    for (const item of value) setImages(item, rules);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === "containers" || key === "initContainers") && Array.isArray(child)) {
      for (const container of child) {
        if (isObject(container) && typeof container.image === "string") {
          container.image = rewriteImage(container.image, rules);
        }
      }
    }
    setImages(child, rules);
  }
}
