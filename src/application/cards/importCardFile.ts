import { randomUUID } from "node:crypto";
import type { IdentityInput } from "../../domain/agent/agentInputs.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import { lorebookDecider } from "../../domain/lorebook/decider.ts";
import { agentStreamId, lorebookStreamId } from "../../domain/streamIds.ts";
import type { MediaStorage } from "../../ports/mediaStorage.ts";
import type { BasePortraitQueue } from "../agents/basePortraitQueue.ts";
import { agentIdForRequest } from "../agents/createAgent.ts";
import { companionIdFor, createOnce } from "../agents/retriedCreations.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { agentMediaFolder, contentAddressedKey } from "../media/mediaKeys.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";
import { planCardImport } from "./cardImportPlan.ts";
import { fetchCardPortrait } from "./cardPortraitFetch.ts";
import { cardPortraitJobId, queueDrawnPortrait } from "./cardPortraitJobs.ts";
import { guessIdentity, type IdentityGuess } from "./identityGuess.ts";
import { type ImportedCard, readCardFile } from "./readCardFile.ts";
import { type CardAgentListing, nameBesideSameCard } from "./sameCardAgents.ts";
import { readWithmeExtension } from "./withmeExtension.ts";

export interface CardImportDeps {
  commands: CommandHandler;
  /** Where the card's image goes as the base portrait; without it the agent has none yet. */
  media: MediaStorage | null;
  /** How a portrait the card points to is fetched; by default only public internet addresses are reached. */
  fetch?: typeof fetch;
  /** Draws a portrait for an agent whose card brought none, as for a newly created agent. */
  basePortraits?: BasePortraitQueue | null;
  /** The agents there are, to find those made from the same card; without it none are looked for. */
  listAgents?: () => Promise<readonly CardAgentListing[]>;
}

/** What the admin form shows before the operator confirms: the card's own identity or a guess. */
export interface CardPreview {
  name: string;
  format: ImportedCard["format"];
  greeting: string | null;
  /** The identity the card carries in `extensions.withme`, when it has one. */
  identity: IdentityInput | null;
  guess: IdentityGuess;
  lorebookEntries: number;
  hasPortrait: boolean;
  warnings: string[];
}

/** Where the agent is taken to live, only to check the rest of the card: the operator chooses on import. */
const STAND_IN_IDENTITY: IdentityInput = {
  homeCity: "Lisbon",
  occupation: "Writer",
  timezone: "Europe/Lisbon",
};

/**
 * The import's own plan and rules, run without writing: the preview warns of what the import
 * changes (a name shortened, a book's entries left out) and refuses what it would refuse.
 */
export function previewCardFile(bytes: Uint8Array): CardPreview {
  const file = readCardFile(bytes);
  const { extension } = readWithmeExtension(file.card.extensions);
  const plan = planCardImport(file.card, {
    agentId: "preview",
    lorebookId: "preview-lorebook",
    createdBy: "preview",
    now: new Date().toISOString(),
    identity: STAND_IN_IDENTITY,
    scenarioId: (index) => `preview-scenario-${index}`,
  });
  if (plan.lorebook) lorebookDecider.decide(plan.lorebook, lorebookDecider.initialState());
  const [created] = agentDecider.decide(plan.agent, agentDecider.initialState());
  return {
    name: created?.type === "AgentCreated" ? created.data.name : plan.agent.name,
    format: file.format,
    greeting: file.card.firstMessage.trim() || file.card.alternateGreetings[0]?.trim() || null,
    identity: extension?.identity ?? null,
    guess: guessIdentity(file.card),
    lorebookEntries: file.card.characterBook?.entries.length ?? 0,
    hasPortrait: file.portrait !== null,
    warnings: [
      ...file.warnings,
      ...plan.warnings,
      ...(file.portraitUrl
        ? [`The portrait is fetched from ${new URL(file.portraitUrl).origin} on import.`]
        : []),
    ],
  };
}

export interface ImportedAgent {
  agentId: string;
  lorebookId: string | null;
  portraitUrl: string | null;
  /** The image job drawing a portrait when the card brought none and portraits are set up. */
  basePortraitJobId: string | null;
  warnings: string[];
}

/**
 * Reads the file, checks every command against a fresh aggregate before writing any, then writes
 * the lorebook, the agent and its portrait: a bad card creates nothing. With a client request id
 * the same file and choice again is a retry: it completes and answers the first import, creating
 * nothing twice (and leaves a portrait set since then as it is).
 */
export async function importCardFile(
  deps: CardImportDeps,
  bytes: Uint8Array,
  choice: { identity?: IdentityInput | null; clientRequestId?: string | null },
  meta: RequestMeta,
): Promise<ImportedAgent> {
  const file = readCardFile(bytes);
  const keyed = Boolean(choice.clientRequestId);
  const identityChoice = JSON.stringify(choice.identity ?? null);
  const agentId = agentIdForRequest("import-card", meta, choice.clientRequestId, bytes, identityChoice);
  const lorebookId = keyed ? companionIdFor(agentId, "lorebook") : randomUUID();
  const earlier = keyed ? (await deps.commands.load(agentDecider, agentStreamId(agentId))).state : null;
  const now = meta.now.toISOString();
  const plan = planCardImport(file.card, {
    agentId,
    lorebookId,
    createdBy: meta.actor,
    now,
    ...(choice.identity ? { identity: choice.identity } : {}),
    scenarioId: () => randomUUID(),
  });
  // A retry names the agent its first import made; only a new one is told apart from its twins.
  const beside =
    deps.listAgents && (!earlier || earlier.status === "absent")
      ? nameBesideSameCard(
          plan.agent,
          (await deps.listAgents()).filter((a) => a.id !== agentId),
        )
      : { name: plan.agent.name, warnings: [] };
  const agentCommand = { ...plan.agent, name: beside.name };
  if (plan.lorebook) lorebookDecider.decide(plan.lorebook, lorebookDecider.initialState());
  agentDecider.decide(agentCommand, agentDecider.initialState());
  const earlierPortrait = earlier?.status === "absent" ? null : (earlier?.basePortrait ?? null);
  const fetched =
    !earlierPortrait && !file.portrait && file.portraitUrl && deps.media
      ? await fetchCardPortrait(file.portraitUrl, deps.fetch)
      : null;
  const image = file.portrait ?? (fetched && "portrait" in fetched ? fetched.portrait : null);
  const portrait =
    image && deps.media && !earlierPortrait
      ? await deps.media.put(
          contentAddressedKey(agentMediaFolder(agentId), image.bytes, image.contentType),
          image.bytes,
          image.contentType,
        )
      : null;
  const lorebook = plan.lorebook;
  if (lorebook)
    await createOnce(keyed, () =>
      deps.commands.handle(
        lorebookDecider,
        lorebookStreamId(lorebookId),
        lorebook,
        commandContext(meta, `import-card-lorebook:${agentId}`),
      ),
    );
  await createOnce(keyed, () =>
    deps.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      agentCommand,
      commandContext(meta, `import-card:${agentId}`),
    ),
  );
  if (portrait)
    await deps.commands.handle(
      agentDecider,
      agentStreamId(agentId),
      {
        type: "SetAgentBasePortrait",
        agentId,
        imageJobId: cardPortraitJobId(agentId),
        url: portrait.url,
        now,
      },
      commandContext(meta, `import-card-portrait:${agentId}`),
    );
  const basePortraitJobId =
    portrait || earlierPortrait
      ? null
      : await queueDrawnPortrait(
          deps,
          { agentId, appearancePrompt: plan.agent.appearancePrompt },
          keyed,
          meta,
        );
  const warnings = [...file.warnings, ...plan.warnings, ...beside.warnings];
  if (fetched && "warning" in fetched) warnings.push(fetched.warning);
  if ((file.portrait || file.portraitUrl) && !deps.media)
    warnings.push("Media storage is not set up; the card's image was not kept.");
  return {
    agentId,
    lorebookId: plan.lorebook ? lorebookId : null,
    portraitUrl: portrait?.url ?? earlierPortrait?.url ?? null,
    basePortraitJobId,
    warnings,
  };
}
