import { PNG } from "pngjs";
import type { AgentState } from "../../domain/agent/state.ts";
import type { LorebookEntry } from "../../domain/lorebook/schemas.ts";
import type { LorebookState } from "../../domain/lorebook/state.ts";
import { cardModificationDate } from "./cardEdits.ts";
import type { CardAsset } from "./cardJson.ts";
import { cardTextOf } from "./cardPersona.ts";
import { markAsPlaceholder, writeCardToPng } from "./cardPng.ts";
import { type CardToWrite, cardToV2, cardToV3 } from "./cardWriter.ts";
import type { LorebookContent } from "./lorebookFormat.ts";
import type { CardPortrait } from "./readCardFile.ts";
import { writeWithmeExtension } from "./withmeExtension.ts";

/** An agent as a character card: V3 JSON, its V2 backfill, and the PNG that carries both. */

export interface AgentCardExport {
  v3: ReturnType<typeof cardToV3>;
  v2: ReturnType<typeof cardToV2>;
  png: Uint8Array;
}

/**
 * `lorebooks` are the books the agent reads, in its order; several are written as one
 * `character_book` (a card has one). A portrait that is not a PNG travels as the card's main
 * icon (a data URI) inside a plain PNG.
 */
export function exportAgentCard(
  agent: AgentState,
  lorebooks: readonly LorebookState[],
  portrait: CardPortrait | null,
  now: string,
): AgentCardExport {
  if (!agent.profile) throw new Error("cannot export an agent that does not exist");
  const { profile, card } = agent;
  const text = cardTextOf(profile.persona, profile.identity, card.details.cardText);
  const isPng = portrait?.contentType === "image/png";
  // Without a portrait the main icon is the marked grey face the card travels in (CCv3: `ccdefault:`).
  const icons: CardAsset[] =
    !portrait || isPng
      ? [{ type: "icon", uri: "ccdefault:", name: "main", ext: "png" }]
      : [
          {
            type: "icon",
            uri: `data:${portrait.contentType};base64,${Buffer.from(portrait.bytes).toString("base64")}`,
            name: "main",
            ext: portrait.contentType.slice("image/".length).replace("jpeg", "jpg"),
          },
        ];
  const withme = writeWithmeExtension({ ...profile, scenarios: agent.scenarios, ...text });
  const cardToWrite: CardToWrite = {
    name: profile.name,
    nickname: card.details.nickname,
    description: text.description,
    personality: text.personality,
    scenario: card.promptParts.setting,
    firstMessage: card.greetings[0] ?? "",
    alternateGreetings: card.greetings.slice(1),
    groupOnlyGreetings: card.details.groupOnlyGreetings,
    exampleMessages: card.styleExamples,
    systemPrompt: card.promptParts.systemPrompt,
    postHistoryInstructions: card.promptParts.postHistoryInstructions,
    creatorNotes: card.details.creatorNotes,
    creatorNotesMultilingual: card.details.creatorNotesMultilingual,
    tags: card.details.tags,
    creator: card.details.creator,
    characterVersion: card.details.characterVersion,
    extensions: { ...card.details.extensions, withme },
    characterBook: mergeBooks(lorebooks.filter((b) => b.status === "active")),
    assets: icons,
    sources: card.details.sources,
    creationDate: card.details.creationDate,
    modificationDate: cardModificationDate({ name: profile.name, persona: profile.persona, ...card }, now),
  };
  const v3 = cardToV3(cardToWrite);
  const v2 = cardToV2(cardToWrite);
  const container = isPng && portrait ? portrait.bytes : plainPortrait();
  return { v3, v2, png: writeCardToPng(container, v3, v2) };
}

function mergeBooks(books: readonly LorebookState[]): LorebookContent | null {
  if (books.length === 0) return null;
  if (books.length === 1) return books[0]!;
  const taken = new Set<string>();
  const entries: LorebookEntry[] = books.flatMap((book, bookIndex) =>
    book.entries.map((entry) => {
      let entryId = entry.entryId;
      if (taken.has(entryId)) entryId = `${bookIndex}-${entry.entryId}`.slice(0, 128);
      taken.add(entryId);
      return { ...entry, entryId };
    }),
  );
  const first = books[0]!;
  return {
    name: books
      .map((b) => b.name)
      .join(" + ")
      .slice(0, 120),
    description: first.description,
    settings: first.settings,
    extensions: first.extensions,
    entries,
  };
}

/** A quiet grey card face, for agents whose portrait is missing or not a PNG. */
function plainPortrait(): Uint8Array {
  const png = new PNG({ width: 256, height: 384 });
  png.data.fill(0xd8);
  return markAsPlaceholder(Uint8Array.from(PNG.sync.write(png)));
}
