import { describe, expect, it } from "vitest";
import { chatImportDecider, type ImportChat } from "../../../src/domain/conversation/chatImport.ts";
import {
  CHAT_METADATA_MAX_BYTES,
  ConversationStarted,
  IMPORTED_NAME_MAX,
} from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, now, started, userId } from "./fixtures.ts";

const importing = spec(chatImportDecider);
const header = {
  userName: "Sam",
  characterName: "Mira Voss",
  chatMetadata: JSON.stringify({ note_prompt: "Keep it short.", note_interval: 1, tags: ["rain"] }),
};
const command: ImportChat = {
  type: "ImportChat",
  userId,
  agentId,
  idPrefix: "x",
  header,
  now,
  lines: [
    { author: "agent", text: "We're closed.", alternatives: [], sentAt: null },
    { author: "person", text: "Can you fix a watch?", alternatives: [], sentAt: null },
  ],
};

describe("ImportChat with the file's header", () => {
  it("keeps the header's names and metadata on the conversation's start", () => {
    importing
      .given([])
      .when(command)
      .thenMatches([
        {
          type: "ConversationStarted",
          data: { userId, agentId, startedAt: now, importedHeader: header },
        },
        { type: "AgentInitiatedMessage" },
        { type: "UserMessageSent" },
      ]);
  });

  it("leaves the conversation's state as it was without a header", () => {
    const events = chatImportDecider.decide(command, chatImportDecider.initialState());
    const withHeader = events.reduce(chatImportDecider.evolve, chatImportDecider.initialState());
    const without = chatImportDecider
      .decide({ ...command, header: undefined }, chatImportDecider.initialState())
      .reduce(chatImportDecider.evolve, chatImportDecider.initialState());
    expect(withHeader).toEqual(without);
    expect(Object.keys(withHeader)).not.toContain("importedHeader");
  });

  it("writes no header when the file had none, and an old start without one still replays", () => {
    const events = chatImportDecider.decide(
      { ...command, header: undefined },
      chatImportDecider.initialState(),
    );
    expect(events[0]).toEqual({ type: "ConversationStarted", data: { userId, agentId, startedAt: now } });
    expect(ConversationStarted.schema.safeParse(started.data).success).toBe(true);
    expect(chatImportDecider.evolve(chatImportDecider.initialState(), started).started).toBe(true);
  });

  it("cuts names longer than the limit", () => {
    const long = "N".repeat(IMPORTED_NAME_MAX + 10);
    const [first] = chatImportDecider.decide(
      { ...command, header: { ...header, userName: long, characterName: long } },
      chatImportDecider.initialState(),
    );
    const kept = first!.type === "ConversationStarted" ? first!.data.importedHeader : undefined;
    expect(kept?.userName).toHaveLength(IMPORTED_NAME_MAX);
    expect(kept?.characterName).toHaveLength(IMPORTED_NAME_MAX);
    expect(ConversationStarted.schema.safeParse(first!.data).success).toBe(true);
  });

  it("rejects metadata over the size limit", () => {
    const chatMetadata = JSON.stringify({ note: "é".repeat(CHAT_METADATA_MAX_BYTES / 2) });
    importing
      .given([])
      .when({ ...command, header: { ...header, chatMetadata } })
      .thenRejects("ChatMetadataTooLarge", "BAD_USER_INPUT");
  });

  it("rejects metadata that is not a JSON object", () => {
    for (const chatMetadata of ["[1, 2]", "not json", "null"])
      importing
        .given([])
        .when({ ...command, header: { ...header, chatMetadata } })
        .thenRejects("ChatMetadataInvalid", "BAD_USER_INPUT");
  });
});
