import { describe, expect, it } from "vitest";
import { chatImportChanges } from "../../../src/application/cards/chatImportChanges.ts";
import type { ImportedChatLine } from "../../../src/domain/conversation/chatImport.ts";

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
