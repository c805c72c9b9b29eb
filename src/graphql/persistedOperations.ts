import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

/**
 * The operations the web client's build emits (`client/dist/persisted-operations.json`): a map
 * from the sha256 hash of each document to its text. An array of `{id, body}` is read too.
 */
export interface PersistedOperations {
  /** False when there is no manifest: any document is accepted. */
  readonly present: boolean;
  readonly count: number;
  get(hash: string): string | null;
}

const manifest = z.union([
  z.record(z.string(), z.string()),
  z
    .array(z.object({ id: z.string(), body: z.string() }))
    .transform((list) => Object.fromEntries(list.map((o) => [o.id, o.body]))),
]);

export function loadPersistedOperations(file: string): PersistedOperations {
  if (!existsSync(file)) return { present: false, count: 0, get: () => null };
  const operations = new Map(Object.entries(manifest.parse(JSON.parse(readFileSync(file, "utf8")))));
  return { present: true, count: operations.size, get: (hash) => operations.get(hash) ?? null };
}

/** The hash a request names: Apollo's `extensions.persistedQuery.sha256Hash`, or `documentId`. */
export function persistedOperationId(
  params: { extensions?: unknown; documentId?: unknown } & object,
): string | null {
  const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const hash = extensions?.persistedQuery?.sha256Hash ?? params.documentId;
  return typeof hash === "string" && hash.length > 0 ? hash : null;
}
