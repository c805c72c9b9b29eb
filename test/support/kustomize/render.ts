import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { isObject, type Json, type JsonObject, strategicMerge } from "./strategicMerge.ts";
import { addLabels, type ImageRule, setImages, setNamespace } from "./transformers.ts";

/**
 * A small kustomize: exactly the features the manifests under k8s/ use. Anything else in a
 * kustomization.yaml is an error, so a manifest that outgrows the subset is noticed at once.
 */
interface Kustomization {
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: false; includeTemplates?: false }[];
  resources?: string[];
  images?: ImageRule[];
  patches?: { path: string }[];
}

const supportedFields = new Set([
  "apiVersion",
  "kind",
  "namespace",
  "labels",
  "resources",
  "images",
  "patches",
]);

/** Every document of a YAML file, as plain data; empty documents are skipped. */
export function readYamlDocuments(file: string): JsonObject[] {
  return parseYamlDocuments(readFileSync(file, "utf8"), file);
}

export function parseYamlDocuments(text: string, source = "input"): JsonObject[] {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return [];
  return documents.flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors[0]?.message}`);
    const value = document.toJS() as Json;
    if (value === null) return [];
    if (!isObject(value)) throw new Error(`${source}: a document is not a mapping`);
    return [value];
  });
}

function loadKustomization(directory: string): Kustomization {
  const file = path.join(directory, "kustomization.yaml");
  if (!existsSync(file)) throw new Error(`${directory} has no kustomization.yaml`);
  const [raw] = readYamlDocuments(file);
  if (!raw) throw new Error(`${file} is empty`);
  for (const field of Object.keys(raw)) {
    if (!supportedFields.has(field)) throw new Error(`${file}: "${field}" is not supported by this renderer`);
  }
  const kustomization = raw as unknown as Kustomization;
  for (const label of kustomization.labels ?? []) {
    if (label.includeSelectors || label.includeTemplates) {
      throw new Error(`${file}: labels with includeSelectors or includeTemplates are not supported`);
    }
  }
  for (const patch of kustomization.patches ?? []) {
    if (Object.keys(patch).join() !== "path")
      throw new Error(`${file}: only patches with a path are supported`);
  }
  return kustomization;
}

export const idOf = (object: JsonObject): string => {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  return `${object.apiVersion}/${object.kind}/${metadata.namespace ?? "~"}/${metadata.name}`;
};

function applyPatch(objects: JsonObject[], patch: JsonObject, source: string): JsonObject[] {
  const metadata = isObject(patch.metadata) ? patch.metadata : {};
  const matches = (object: JsonObject) => {
    const target = isObject(object.metadata) ? object.metadata : {};
    return (
      object.apiVersion === patch.apiVersion &&
      object.kind === patch.kind &&
      target.name === metadata.name &&
      (metadata.namespace === undefined || target.namespace === metadata.namespace)
    );
  };
  if (!objects.some(matches)) throw new Error(`${source}: no ${patch.kind} named ${metadata.name} to patch`);
  return objects.map((object) => (matches(object) ? (strategicMerge(object, patch) as JsonObject) : object));
}

/** Renders a kustomization directory the way `kubectl kustomize` does, for the supported subset. */
export function renderKustomization(directory: string): JsonObject[] {
  const kustomization = loadKustomization(directory);
  let objects: JsonObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const location = path.resolve(directory, resource);
    objects.push(
      ...(statSync(location).isDirectory() ? renderKustomization(location) : readYamlDocuments(location)),
    );
  }
  for (const { path: patchPath } of kustomization.patches ?? []) {
    const file = path.resolve(directory, patchPath);
    const documents = readYamlDocuments(file);
    if (documents.length !== 1) throw new Error(`${file}: a patch file holds exactly one document`);
    objects = applyPatch(objects, documents[0]!, file);
  }
  for (const object of objects) {
    if (kustomization.namespace) setNamespace(object, kustomization.namespace);
    for (const label of kustomization.labels ?? []) addLabels(object, label.pairs);
    if (kustomization.images) setImages(object, kustomization.images);
  }
  const seen = new Set<string>();
  for (const object of objects) {
    const id = idOf(object);
    if (seen.has(id)) throw new Error(`${directory}: ${id} is defined twice`);
    seen.add(id);
  }
  return objects;
}

/** Objects in a stable order, to compare two renderings. */
export function sortObjects(objects: JsonObject[]): JsonObject[] {
  return [...objects].sort((a, b) => idOf(a).localeCompare(idOf(b)));
}
