import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const evasive =
  /good question|What's your take|That's a big one|Now and then, yes|I just made dinner|winding down/;

describe("the offline engine answers questions about its days, its city and the person", () => {
  it('"Did you sleep well?" is a question, not a goodbye', () => {
    expect(readMessage("Did you sleep well?").farewell).toBe(false);
    for (const text of replies({ personMessage: "Did you sleep well?" })) {
      expect(text).toMatch(/^I slept (?:like a log|okay), thanks/);
      expect(text).not.toMatch(/Take care|Talk soon|Good night/);
    }
  });

  it("says when it wakes, whether it is a morning person and whether it works tomorrow or at the weekend", () => {
    const asked: [string, RegExp][] = [
      ["What time do you wake up?", /^I'm usually up around 07:30/],
      ["Are you a morning person?", /^Not really/],
      ["Do you work tomorrow?", /^(?:No, tomorrow's my day off|Not tomorrow)/], // Friday → Saturday
      ["Are you working this weekend?", /^(?:No, weekends are mine|Not this weekend)/],
      ["Can I ask you something?", /^(?:Of course|Sure, go ahead)[.!] Ask me anything/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(evasive);
      }
  });

  it("talks about its own city when asked about it, without the weather twice", () => {
    for (const personMessage of ["How's Lisbon?", "What's the best thing about Lisbon?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/^Lisbon is lovely right now/);
        expect(text.match(/°C/g), personMessage).toHaveLength(1);
        expect(text, personMessage).not.toMatch(evasive);
      }
  });

  it('"What do you think about me?" is a warm word in whole sentences, never "I think you is"', () => {
    for (const text of replies({ personMessage: "What do you think about me?" })) {
      expect(text).toMatch(/you're lovely/);
      expect(text).not.toMatch(/\byou is\b/);
      for (const sentence of text.replace(/\s*\p{Extended_Pictographic}+$/u, "").split(/(?<=[.!?])\s+/))
        expect(
          grammarProblems(sentence).filter(
            (p) =>
              !p.startsWith("no subject") &&
              !((sentence.split(" ").length <= 6 || sentence.endsWith("?")) && p === "has no verb"),
          ),
          sentence,
        ).toEqual([]);
    }
  });

  it('"I miss you" is affection, not bad news; "do you want to get coffee?" is an invitation', () => {
    for (const text of replies({ personMessage: "I miss you" })) {
      expect(text).toMatch(/I missed you too/);
      expect(text).not.toMatch(/sorry|talk about it|What happened/);
    }
    expect(readMessage("Do you want to get coffee sometime?").kind).toBe("invitation");
    for (const text of replies({ personMessage: "Do you want to get coffee sometime?" }))
      expect(text).toMatch(/^(?:I'd love that|Count me in|Yes, let's)/);
  });

  it("tells where it grew up, its family and favourites from its own story, and hears good news as good", () => {
    const asked: [string, RegExp][] = [
      ["Where did you grow up?", /^In Porto[.!] Then I moved to Lisbon/],
      ["Do you have siblings?", /^(?:I have a younger brother|I'm an only child)/],
      ["What's your favourite place in Lisbon?", /riverside|café|bookshop/],
      ["What's your favourite thing to do?", /^Pottery, hands down/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/Should I\?|Yes, a lot|I do, actually/);
        expect(text, personMessage).not.toMatch(evasive);
      }
    expect(readMessage("I got a new job!").feeling).toBe("good");
    for (const text of replies({ personMessage: "I got a new job!" }))
      expect(text).toMatch(/wonderful|love that|Look at you/);
  });
});
