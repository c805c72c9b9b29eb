import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { plainTyping } from "../../../src/application/persona/personaTyping.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a chat's shorthand read as the words it stands for", () => {
  it("spells out shorthand, tells “your” from “you're” and makes a lone i “I”", () => {
    expect(plainTyping("wat r u doin")).toBe("what are you doing");
    expect(plainTyping("hw was ur day")).toBe("how was your day");
    expect(plainTyping("ur so sweet")).toBe("you're so sweet");
    expect(plainTyping("R u there?")).toBe("Are you there?");
    expect(plainTyping("im bored, wbu")).toBe("I'm bored, what about you?");
    expect(plainTyping("i think i'm ok")).toBe("I think I'm ok");
  });

  it("reads common misspellings as the words meant", () => {
    expect(plainTyping("recomend me something")).toBe("recommend me something");
    expect(plainTyping("wich one is ur favorit")).toBe("which one is your favourite");
    expect(plainTyping("see you tommorow")).toBe("see you tomorrow");
  });

  it("leaves acronyms and longer words alone", () => {
    expect(plainTyping("I live in the U.K.")).toBe("I live in the U.K.");
    expect(plainTyping("IM me later")).toBe("IM me later");
    expect(plainTyping("umbrella trip to Ireland")).toBe("umbrella trip to Ireland");
  });

  it("asks what the spelled-out question asks", () => {
    expect(readMessage(plainTyping("wat r u doin")).question).toBe("activity");
    expect(readMessage(plainTyping("hw was ur day")).question).toBe("day");
    expect(readMessage(plainTyping("do u like pizza")).question).toBe("preference");
    expect(readMessage(plainTyping("whats ur fav color")).question).toBe("preference");
    expect(readMessage(plainTyping("wyd this weekend")).question).toBe("plans");
    expect(plainTyping("wat r u doing rn")).toBe("what are you doing right now");
  });

  it("answers a question typed in shorthand", async () => {
    const replies = await askAgent([
      "hi",
      "wat r u doin",
      "hw was ur day",
      "do u like pizza",
      "whats ur fav color",
      "wyd this weekend",
    ]);
    for (const reply of replies.slice(1))
      expect(reply).not.toMatch(/no idea|not sure|fair enough|tell me more/i);
  });
});
