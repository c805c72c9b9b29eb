import { describe, expect, it } from "vitest";
import { chatImportDecider, type ImportChat } from "../../../src/domain/conversation/chatImport.ts";
import {
  activePath,
  conversationDecider,
  MAX_ALTERNATIVES,
  siblingsOf,
} from "../../../src/domain/conversation/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, now, started, userId } from "./fixtures.ts";

const importing = spec(chatImportDecider);
const command: ImportChat = {
  type: "ImportChat",
  userId,
  agentId,
  idPrefix: "x",
  now,
  lines: [
    {
      author: "agent",
      text: "We're closed.",
      alternatives: ["We're closed."],
      sentAt: "2024-09-28T01:02:00.000Z",
    },
    { author: "person", text: "Can you fix a watch?", alternatives: [], sentAt: "2024-09-28T01:05:00.000Z" },
    {
      author: "agent",
      text: "I can fix anything.",
      alternatives: ["People are harder.", "I can fix anything."],
      sentAt: "2024-09-28T01:06:00.000Z",
    },
    { author: "person", text: "Thank you.", alternatives: [], sentAt: null },
  ],
};

describe("ImportChat", () => {
  it("starts the conversation when the chat file says it began, unless that is in the future", () => {
    const startOf = (startedAt: string) =>
      chatImportDecider
        .decide({ ...command, startedAt }, chatImportDecider.initialState())
        .flatMap((e) => (e.type === "ConversationStarted" ? [e.data.startedAt] : []));
    expect(startOf("2024-09-28T01:01:30.123Z")).toEqual(["2024-09-28T01:01:30.123Z"]);
    expect(startOf("2024-09-28T01:02:36.123Z")).toEqual(["2024-09-28T01:02:36.123Z"]);
    expect(startOf("2999-01-01T00:00:00.000Z")).toEqual(["2024-09-28T01:02:00.000Z"]);
  });

  it("keeps the greeting's swipes as sibling greetings with the chosen one on the path", () => {
    const lines = [
      {
        author: "agent" as const,
        text: "Back again?",
        alternatives: ["We're closed.", "Back again?", "Mind the steps."],
        chosen: 1,
        sentAt: "2024-09-28T01:02:00.000Z",
      },
      { author: "person" as const, text: "Hello.", alternatives: [], sentAt: null },
    ];
    const events = chatImportDecider.decide({ ...command, lines }, chatImportDecider.initialState());
    const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
    expect(siblingsOf(state, "x-0")!.ids).toEqual(["x-0-swipe-0", "x-0", "x-0-swipe-2"]);
    expect(activePath(state)).toEqual(["x-0", "x-1"]);
  });

  it("keeps a reply's swipes in the file's order with the chosen one on the path", () => {
    const lines = [
      { author: "person" as const, text: "Tell me a secret.", alternatives: [], sentAt: null },
      {
        author: "agent" as const,
        text: "The clock is a door.",
        alternatives: ["I have none.", "The clock is a door.", "Ask me tomorrow."],
        chosen: 1,
        sentAt: null,
      },
      { author: "person" as const, text: "A door to where?", alternatives: [], sentAt: null },
    ];
    const events = chatImportDecider.decide({ ...command, lines }, chatImportDecider.initialState());
    const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
    expect(siblingsOf(state, "x-1")!.ids).toEqual(["x-1-swipe-0", "x-1", "x-1-swipe-2"]);
    expect(activePath(state)).toEqual(["x-0", "x-1", "x-2"]);
  });

  it("finds the chosen swipe by its text when the file gives no index, and keeps at most the allowed number", () => {
    const many = Array.from({ length: MAX_ALTERNATIVES + 5 }, (_, i) => `Swipe ${i}`);
    const lines = [
      { author: "person" as const, text: "Hi?", alternatives: [], sentAt: null },
      { author: "agent" as const, text: "Swipe 3", alternatives: many, sentAt: null },
    ];
    const events = chatImportDecider.decide({ ...command, lines }, chatImportDecider.initialState());
    const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
    const { ids } = siblingsOf(state, "x-1")!;
    expect(ids).toHaveLength(MAX_ALTERNATIVES);
    expect(ids.slice(0, 2)).toEqual(["x-1", "x-1-swipe-4"]);
    expect(activePath(state)).toEqual(["x-0", "x-1"]);
  });

  it("keeps the chosen messages as the path, swipes as siblings, and the original times", () => {
    const events = chatImportDecider.decide(command, chatImportDecider.initialState());
    const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
    expect(activePath(state)).toEqual(["x-0", "x-1", "x-2", "x-3"]);
    expect(siblingsOf(state, "x-2")!.ids.toSorted()).toEqual(["x-2", "x-2-swipe-0"]);
    const sent = events.flatMap((e) => (e.type === "UserMessageSent" ? [e.data.sentAt] : []));
    // A line without a date takes the time of the line before it.
    expect(sent).toEqual(["2024-09-28T01:05:00.000Z", "2024-09-28T01:06:00.000Z"]);
    expect(
      events
        .flatMap((e) => (e.type === "AgentReplyCompleted" ? [e.data.model] : []))
        .every((m) => m === "imported"),
    ).toBe(true);
  });

  it("takes a person's consecutive lines as one message, answered by the reply after them", () => {
    const events = chatImportDecider.decide(
      {
        ...command,
        lines: [
          { author: "person", text: "Hello?", alternatives: [], sentAt: "2024-09-28T01:05:00.000Z" },
          { author: "person", text: "Anyone there?", alternatives: [], sentAt: "2024-09-28T01:06:00.000Z" },
          { author: "agent", text: "Right here.", alternatives: [], sentAt: "2024-09-28T01:07:00.000Z" },
          { author: "person", text: "Good.", alternatives: [], sentAt: null },
        ],
      },
      chatImportDecider.initialState(),
    );
    const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
    expect(activePath(state)).toEqual(["x-0", "x-2", "x-3"]);
    const sent = events.flatMap((e) => (e.type === "UserMessageSent" ? [e.data] : []));
    expect(sent.map((m) => m.text)).toEqual(["Hello?\n\nAnyone there?", "Good."]);
    expect(sent[0]!.sentAt).toBe("2024-09-28T01:05:00.000Z");
  });

  it("joins a person's hidden line to a shown one next to it, hiding the message only when all were hidden", () => {
    const hidden = (text: string) => ({
      author: "person" as const,
      text,
      alternatives: [],
      sentAt: null,
      hidden: true,
    });
    const events = chatImportDecider.decide(
      {
        ...command,
        lines: [
          { author: "person", text: "Hello?", alternatives: [], sentAt: null },
          hidden("(ooc: be nice)"),
          { author: "agent", text: "Right here.", alternatives: [], sentAt: null },
          hidden("psst"),
          hidden("psst again"),
          { author: "agent", text: "Mm?", alternatives: [], sentAt: null },
        ],
      },
      chatImportDecider.initialState(),
    );
    const sent = events.flatMap((e) => (e.type === "UserMessageSent" ? [e.data] : []));
    expect(sent.map((m) => m.text)).toEqual(["Hello?\n\n(ooc: be nice)", "psst\n\npsst again"]);
    const hiddenIds = events.flatMap((e) => (e.type === "MessageHidden" ? [e.data.messageId] : []));
    expect(hiddenIds).toEqual(["x-3"]);
  });

  it("writes nothing when the same chat was imported already (a retry)", () => {
    const first = chatImportDecider.decide(command, chatImportDecider.initialState());
    importing.given(first).when(command).then([]);
    importing
      .given(first)
      .when({ ...command, now: "2031-01-01T00:00:00.000Z" })
      .then([]);
  });

  it("rejects another chat into a conversation that holds an imported one", () => {
    const first = chatImportDecider.decide(command, chatImportDecider.initialState());
    importing
      .given(first)
      .when({ ...command, idPrefix: "y" })
      .thenRejects("ConversationAlreadyStarted", "CONFLICT");
  });

  it("rejects a conversation that has started", () => {
    importing.given([started]).when(command).thenRejects("ConversationAlreadyStarted", "CONFLICT");
  });

  it("rejects a chat without messages", () => {
    importing
      .given([])
      .when({ ...command, lines: [] })
      .thenRejects("ChatEmpty", "BAD_USER_INPUT");
  });
});
