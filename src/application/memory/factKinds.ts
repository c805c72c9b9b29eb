import { type MemoryFactKind, memoryFactKinds } from "../../domain/conversation/memoryFactEvents.ts";
import type { NamedPet } from "./petFact.ts";

/**
 * What a remembered fact is about. Extraction gives every fact one kind; retrieval boosts the
 * kinds a question asks about ("What do I do for a living?" → work).
 */
export const factKinds = memoryFactKinds;

export type FactKind = MemoryFactKind;

export function isFactKind(value: unknown): value is FactKind {
  return typeof value === "string" && (factKinds as readonly string[]).includes(value);
}

/** One fact a person stated about themselves, ready to be recorded and embedded. */
export interface ExtractedFact {
  /** A third-person statement ("Sam grew up in Galway"), or the person's words in quotes. */
  text: string;
  kind: FactKind;
  /** The person's own words the fact was taken from (one clause of their message). */
  quote: string;
  /** The whole sentence of the message that clause is in. */
  sourceText: string;
  /** `rewritten` when `text` is a grammatical third-person rewrite, `quoted` when it quotes them. */
  wording: "rewritten" | "quoted";
  /** For a pet fact that names the pet: the animal and its name. */
  pet?: NamedPet;
}
