import type { VectorMetadata } from "../../ports/vectorIndex.ts";
import { type ExtractedFact, type FactKind, isFactKind } from "./factKinds.ts";
import { relatedKindsOf } from "./queryIntent.ts";

/**
 * What the memory index stores beside each vector. A fact is one statement about the person; a
 * summary covers a stretch of the conversation. Both say which messages they come from and which
 * stream revisions they cover, so that a turn never recalls what it is itself about.
 */
export type MemoryRecordKind = "fact" | "summary";

export interface MemoryRecord {
  id: string;
  text: string;
  kind: MemoryRecordKind;
  /** For facts: what the fact is about. */
  factKind: FactKind | null;
  /** For facts: the kinds it also touches on ("moving to Canada next year": a plan, and a place). */
  relatedKinds: FactKind[];
  /** The person's own words, for facts taken from a message. */
  quote: string | null;
  /** The messages the record was drawn from. */
  sourceMessageIds: string[];
  /** When it was said (a fact) or written (a summary), ISO, and the same in epoch milliseconds. */
  at: string;
  atMs: number;
  /** The conversation stream revisions it covers, both ends included. */
  fromRevision: number;
  toRevision: number;
}

export function memoryMetadata(record: Omit<MemoryRecord, "id">): VectorMetadata {
  return {
    text: record.text,
    kind: record.kind,
    ...(record.factKind
      ? { factKind: record.factKind, factKinds: [...new Set([record.factKind, ...record.relatedKinds])] }
      : {}),
    ...(record.quote ? { quote: record.quote } : {}),
    sourceMessageIds: record.sourceMessageIds,
    at: record.at,
    atMs: record.atMs,
    fromRevision: record.fromRevision,
    toRevision: record.toRevision,
    // Older readers look for `revision`.
    revision: record.toRevision,
  };
}

/** Where a fact was said: the message(s), when, and their place in the conversation stream. */
export interface FactSource {
  messageIds: string[];
  at: string;
  revision: number;
}

/** The record of one fact, as the index stores it. */
export function factRecord(
  fact: Pick<ExtractedFact, "text" | "kind"> & { quote?: string | null },
  source: FactSource,
): Omit<MemoryRecord, "id"> {
  return {
    text: fact.text,
    kind: "fact",
    factKind: fact.kind,
    relatedKinds: relatedKindsOf(fact.text, fact.kind),
    quote: fact.quote ?? null,
    sourceMessageIds: source.messageIds,
    at: source.at,
    atMs: Date.parse(source.at),
    fromRevision: source.revision,
    toRevision: source.revision,
  };
}

/**
 * A record read back from the index, or null when it has no text. Records written before kinds
 * and sources were stored read as what they were: facts (`message`/`fact`) or summaries.
 */
export function readMemoryRecord(id: string, metadata: VectorMetadata): MemoryRecord | null {
  const text = typeof metadata.text === "string" ? metadata.text.trim() : "";
  if (!text) return null;
  const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
  const revision = number(metadata.toRevision) ?? number(metadata.revision) ?? -1;
  const at = typeof metadata.at === "string" ? metadata.at : "";
  return {
    id,
    text,
    kind: metadata.kind === "summary" ? "summary" : "fact",
    factKind: isFactKind(metadata.factKind) ? metadata.factKind : null,
    relatedKinds: Array.isArray(metadata.factKinds)
      ? metadata.factKinds.filter((kind): kind is FactKind => isFactKind(kind) && kind !== metadata.factKind)
      : [],
    quote: typeof metadata.quote === "string" ? metadata.quote : null,
    sourceMessageIds: Array.isArray(metadata.sourceMessageIds) ? metadata.sourceMessageIds : [],
    at,
    atMs: number(metadata.atMs) ?? (Date.parse(at) || 0),
    fromRevision: number(metadata.fromRevision) ?? revision,
    toRevision: revision,
  };
}
