import { randomUUID } from "node:crypto";
import { agentDecider } from "../../domain/agent/decider.ts";
import type { LorebookEntryInput } from "../../domain/lorebook/commands.ts";
import { type LorebookState, lorebookDecider } from "../../domain/lorebook/decider.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId, lorebookStreamId } from "../../domain/streamIds.ts";
import { createdIdFor, createOnce } from "../agents/retriedCreations.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { lorebookToLorebookV3, readLorebookFile } from "./lorebookFile.ts";
import { lorebookToWorldInfo } from "./worldInfoExport.ts";

/** What an operator does with lorebooks: import one, attach it to agents, edit its entries. */

export interface LorebookDeps {
  commands: CommandHandler;
}

/**
 * A SillyTavern world-info file (or a lorebook V3 / character book) as a new, unattached book.
 * With a client request id the same file again is a retry: it answers the book the first made.
 */
export async function importLorebookFile(
  deps: LorebookDeps,
  file: { bytes: Uint8Array; fallbackName: string; clientRequestId?: string | null },
  meta: RequestMeta,
): Promise<{ lorebookId: string; entries: number; warnings: string[] }> {
  const { bytes, fallbackName, clientRequestId } = file;
  const { warnings, ...draft } = readLorebookFile(bytes, fallbackName);
  const lorebookId = clientRequestId
    ? createdIdFor("import-lorebook", meta.actor, clientRequestId, bytes, fallbackName)
    : randomUUID();
  await createOnce(Boolean(clientRequestId), () =>
    deps.commands.handle(
      lorebookDecider,
      lorebookStreamId(lorebookId),
      {
        type: "CreateLorebook",
        lorebookId,
        ...draft,
        source: "worldInfo",
        createdBy: meta.actor,
        now: meta.now.toISOString(),
      },
      commandContext(meta, `import-lorebook:${lorebookId}`),
    ),
  );
  return { lorebookId, entries: draft.entries.length, warnings };
}

async function requireLorebook(deps: LorebookDeps, lorebookId: string): Promise<LorebookState> {
  const { state } = await deps.commands.load(lorebookDecider, lorebookStreamId(lorebookId));
  if (state.status !== "active")
    throw new DomainError(
      "LorebookNotFound",
      "NOT_FOUND",
      "There is no lorebook with this id; check the id.",
    );
  return state;
}

/** The book as a file other tools read: SillyTavern world info, or a CCv3 `lorebook_v3`. */
export async function exportLorebookFile(
  deps: LorebookDeps,
  lorebookId: string,
  format: "worldInfo" | "lorebookV3",
): Promise<string> {
  const book = await requireLorebook(deps, lorebookId);
  const json = format === "worldInfo" ? lorebookToWorldInfo(book) : lorebookToLorebookV3(book);
  return JSON.stringify(json, null, 2);
}

export async function attachLorebook(
  deps: LorebookDeps,
  input: { agentId: string; lorebookId: string; attach: boolean },
  meta: RequestMeta,
): Promise<void> {
  if (input.attach) await requireLorebook(deps, input.lorebookId);
  const type = input.attach ? "AttachLorebook" : "DetachLorebook";
  await deps.commands.handle(
    agentDecider,
    agentStreamId(input.agentId),
    { type, agentId: input.agentId, lorebookId: input.lorebookId, now: meta.now.toISOString() },
    commandContext(meta, `${type}:${input.agentId}:${input.lorebookId}:${randomUUID()}`),
  );
}

/** Adds the entry, or replaces the one with the same id when `replace` is set (fields left out stay as they were). */
export async function saveLorebookEntry(
  deps: LorebookDeps,
  input: { lorebookId: string; entry: LorebookEntryInput; replace: boolean },
  meta: RequestMeta,
): Promise<void> {
  const type = input.replace ? "UpdateLorebookEntry" : "AddLorebookEntry";
  await deps.commands.handle(
    lorebookDecider,
    lorebookStreamId(input.lorebookId),
    { type, lorebookId: input.lorebookId, entry: input.entry, now: meta.now.toISOString() },
    commandContext(meta, `${type}:${input.lorebookId}:${input.entry.entryId}:${randomUUID()}`),
  );
}

export async function removeLorebookEntry(
  deps: LorebookDeps,
  input: { lorebookId: string; entryId: string },
  meta: RequestMeta,
): Promise<void> {
  await deps.commands.handle(
    lorebookDecider,
    lorebookStreamId(input.lorebookId),
    { type: "RemoveLorebookEntry", ...input, now: meta.now.toISOString() },
    commandContext(meta, `remove-entry:${input.lorebookId}:${input.entryId}:${randomUUID()}`),
  );
}
