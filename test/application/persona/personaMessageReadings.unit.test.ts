import { describe, expect, it } from "vitest";
import { perMessage, type RecentMessage } from "../../../src/application/persona/personaMessageReadings.ts";
import { plainTyping, withPlainTyping } from "../../../src/application/persona/personaTyping.ts";
import type { ReplyContext } from "../../../src/application/prompt/replyContext.ts";

const message = (text: string): RecentMessage => ({ author: "person", text, at: "2025-01-01T00:00:00.000Z" });

describe("a reading kept per message", () => {
  it("reads a message once however many turns ask for it", () => {
    const read: string[] = [];
    const shout = perMessage((m) => {
      read.push(m.text);
      return m.text.toUpperCase();
    });
    const hello = message("hello");

    expect([shout(hello), shout(hello), shout(hello)]).toEqual(["HELLO", "HELLO", "HELLO"]);
    expect(read).toEqual(["hello"]);
  });

  it("never gives one message another's reading, even one with the same words", () => {
    const read: string[] = [];
    const length = perMessage((m) => {
      read.push(m.text);
      return m.text.length;
    });
    const short = message("hi");
    const long = message("good evening");
    const sameWords = message("hi");

    expect([length(short), length(long), length(sameWords)]).toEqual([2, 12, 2]);
    expect(read).toEqual(["hi", "good evening", "hi"]);
  });

  it("gives the plain-typed message back as the same object, for readings of it to be kept too", () => {
    const earlier = message("whats ur cats name");
    const context = (personMessage: string) =>
      ({ personMessage, recentMessages: [earlier] }) as unknown as ReplyContext;

    const first = withPlainTyping(context("ok")).recentMessages[0]!;
    const next = withPlainTyping(context("and then?")).recentMessages[0]!;

    expect(first.text).toBe(plainTyping(earlier.text));
    expect(next).toBe(first);
  });
});
