import { describe, expect, it } from "vitest";
import { chatImportChanges } from "../../../src/application/cards/chatImportChanges.ts";
import type { ImportedChatLine } from "../../../src/domain/conversation/importedChatTurns.ts";

const person = (text: string): ImportedChatLine => ({
  author: "person",
  text,
  alternatives: [],
  sentAt: null,
});
const agent = (text: string, alternatives: string[] = []): ImportedChatLine => ({
  author: "agent",
  text,
  alternatives,
  sentAt: null,
});

describe("what a chat import changes, told to the person", () => {
  it("nothing for a chat that fits", () => {
    expect(chatImportChanges([agent("Hi"), person("Hello"), agent("Yo", ["Yo", "Hey"])])).toEqual({
      messages: 3,
      warnings: [],
    });
  });

  it("joins the person's consecutive lines into one message, and counts it once", () => {
    const changes = chatImportChanges([person("hi"), person("hi again"), person("hello?"), agent("yo")]);
    expect(changes.messages).toBe(2);
    expect(changes.warnings).toEqual([expect.stringMatching(/^Joined 2 messages of the person/)]);
  });

  it("says that a hidden line of the person's joined to a shown one shows", () => {
    const changes = chatImportChanges([person("hi"), { ...person("psst"), hidden: true }, agent("yo")]);
    expect(changes.messages).toBe(2);
    expect(changes.warnings).toEqual([
      expect.stringMatching(/^Joined 1 message of the person/),
      expect.stringMatching(/^Showed 1 hidden message of the person joined to a shown one/),
    ]);
  });

  it("says that a hidden last message of the person's is shown, since the agent answers it", () => {
    const changes = chatImportChanges([
      agent("Hi"),
      person("hello"),
      agent("yo"),
      { ...person("psst"), hidden: true },
    ]);
    expect(changes.warnings).toEqual([expect.stringMatching(/^Showed the last message, hidden in the file/)]);
  });

  it("shortens a message longer than a message holds, a reply only beyond a reply's length", () => {
    const long = "x".repeat(5000);
    expect(chatImportChanges([person(long), agent(long)]).warnings).toEqual([
      expect.stringMatching(/^Shortened 1 message /),
    ]);
    expect(chatImportChanges([agent(long), person("hi"), agent("y".repeat(17_000))]).warnings).toEqual([
      expect.stringMatching(/^Shortened 2 messages /),
    ]);
  });
});
