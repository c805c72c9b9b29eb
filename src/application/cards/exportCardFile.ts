import { agentDecider } from "../../domain/agent/decider.ts";
import { lorebookDecider } from "../../domain/lorebook/decider.ts";
import type { LorebookState } from "../../domain/lorebook/state.ts";
import { DomainError } from "../../domain/shared/decider.ts";
import { agentStreamId, lorebookStreamId } from "../../domain/streamIds.ts";
import type { MediaStorage } from "../../ports/mediaStorage.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { sniffImage } from "../media/imageSniff.ts";
import { exportAgentCard } from "./agentCardExport.ts";
import { type DownloadName, downloadName } from "./downloadName.ts";
import type { CardPortrait } from "./readCardFile.ts";

export interface CardExportDeps {
  commands: CommandHandler;
  media: MediaStorage | null;
}

export interface ExportedCardFile extends DownloadName {
  png: Uint8Array;
}

/** The agent as a V3 PNG card (with its V2 backfill), carrying its portrait and lorebooks. */
export async function exportCardFile(
  deps: CardExportDeps,
  agentId: string,
  now: Date,
): Promise<ExportedCardFile> {
  const { state: agent } = await deps.commands.load(agentDecider, agentStreamId(agentId));
  if (!agent.profile)
    throw new DomainError("AgentNotFound", "NOT_FOUND", "There is no agent with this id; check the id.");
  const books: LorebookState[] = [];
  for (const lorebookId of agent.lorebookIds) {
    const { state } = await deps.commands.load(lorebookDecider, lorebookStreamId(lorebookId));
    if (state.status === "active") books.push(state);
  }
  const portrait = await readPortrait(deps.media, agent.basePortrait?.url ?? null);
  const card = exportAgentCard(agent, books, portrait, now.toISOString());
  return { ...downloadName(agent.profile.name, "png", "character"), png: card.png };
}

async function readPortrait(media: MediaStorage | null, url: string | null): Promise<CardPortrait | null> {
  if (!media || !url) return null;
  const bytes = await media.read(url);
  const sniffed = bytes ? sniffImage(bytes) : null;
  return bytes && sniffed ? { bytes, contentType: sniffed.contentType } : null;
}
