import { createHash } from "node:crypto";
import { v5 as uuidv5 } from "uuid";
import { DomainError } from "../../domain/shared/decider.ts";

const CREATED_ID_NAMESPACE = "6f1c9a3e-5b2d-4e8f-a7c4-2d9e0b3f8a16";

/**
 * The id of what a keyed request creates follows from who asked, the client's request id and what
 * was sent, so the same request again (a retry after a lost answer) names the same agent or book
 * and creates nothing twice; the same key with other content is another request.
 */
export function createdIdFor(
  kind: string,
  actor: string,
  clientRequestId: string,
  ...content: (Uint8Array | string)[]
): string {
  const hash = createHash("sha256");
  for (const part of content) hash.update(part).update("\0");
  const digest = hash.digest("hex");
  return uuidv5(`${kind}:${actor}:${clientRequestId}:${digest}`, CREATED_ID_NAMESPACE);
}

/** An id derived from another, for what one creation makes beside its main stream. */
export function companionIdFor(id: string, part: string): string {
  return uuidv5(`${id}:${part}`, CREATED_ID_NAMESPACE);
}

const ALREADY_CREATED = new Set(["AgentAlreadyExists", "LorebookAlreadyExists", "ImageJobAlreadyRequested"]);

/**
 * Runs a creating write; for a keyed request, one that finds its stream created already (by
 * the first attempt, or by the same request racing) is done, not refused. True when this call wrote.
 */
export async function createOnce(keyed: boolean, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (keyed && error instanceof DomainError && ALREADY_CREATED.has(error.reason)) return false;
    throw error;
  }
}
