import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createRequest, getOperationName, stringifyDocument } from "@urql/core";
import type { DocumentNode } from "graphql";
import type { Plugin } from "vite";

export interface PersistedOperation {
  name: string;
  hash: string;
  document: string;
}

const VIRTUAL_ID = "virtual:persisted-operations";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
export const MANIFEST_NAME = "persisted-operations.json";

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "Document";

/** Every operation the client's operations module exports, as urql would send it, with its sha256. */
export async function collectOperations(operationsModule: string): Promise<PersistedOperation[]> {
  const exports = (await import(pathToFileURL(operationsModule).href)) as Record<string, unknown>;
  const operations = new Map<string, PersistedOperation>();
  for (const value of Object.values(exports)) {
    if (!isDocument(value)) continue;
    const name = getOperationName(value);
    if (!name) continue; // a fragment on its own
    const document = stringifyDocument(createRequest(value, {}).query);
    const hash = createHash("sha256").update(document).digest("hex");
    const seen = operations.get(name);
    if (seen && seen.hash !== hash) throw new Error(`Two client operations are named ${name}; rename one.`);
    operations.set(name, { name, hash, document });
  }
  return [...operations.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Emits `persisted-operations.json` (hash → document) beside the build, which the server loads
 * to run operations by hash, and gives the client the hash of each operation by name. The dev
 * server gets no hashes: its documents may be newer than any manifest a server has loaded.
 */
export function persistedOperationsPlugin(operationsModule: string): Plugin {
  let operations: PersistedOperation[] = [];
  let building = false;
  return {
    name: "withme-persisted-operations",
    configResolved(config) {
      building = config.command === "build";
    },
    async buildStart() {
      operations = building ? await collectOperations(operationsModule) : [];
    },
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const hashes = Object.fromEntries(operations.map((o) => [o.name, o.hash]));
      return `export const persistedHashes = ${JSON.stringify(hashes)};`;
    },
    generateBundle() {
      if (!building) return;
      const manifest = Object.fromEntries(operations.map((o) => [o.hash, o.document]));
      this.emitFile({
        type: "asset",
        fileName: MANIFEST_NAME,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
