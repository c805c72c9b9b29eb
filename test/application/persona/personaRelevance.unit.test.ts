import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { lifeEventRemark } from "../../../src/application/persona/personaSmallTalk.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const alexFacts = [
  { id: "m1", text: "Alex has a dog named Biscuit", score: 0.3 },
  { id: "m2", text: "Alex's sister is called Lena", score: 0.3 },
  { id: "m3", text: "Alex's sister Lena lives in Porto", score: 0.25 },
  { id: "m4", text: "Alex works as a nurse", score: 0.2 },
];

describe("the offline engine answers what it was asked (issue examples)", () => {
  it('"What did I tell you about my dog?" names the dog', () => {
    for (const text of replies({ personMessage: "What did I tell you about my dog?", memories: alexFacts })) {
      expect(text).toContain("Biscuit");
      expect(text).not.toMatch(/What's your take|good question/);
    }
  });

  it("takes up what the person just told, even inside a hello", () => {
    const told: [string, RegExp][] = [
      ["Hi! I have a dog named Biscuit.", /Biscuit/],
      ["Hey Mia, my sister is called Lena.", /Lena/],
    ];
    for (const [personMessage, answer] of told)
      for (const text of replies({ personMessage, memories: [] }))
        expect(text, personMessage).toMatch(answer);
  });

  it("recalls for any phrasing that names the thing", () => {
    const asked: [string, string][] = [
      ["What's my pet called?", "Biscuit"],
      ["Do you know my pup's name?", "Biscuit"],
      ["What's my sister's name?", "Lena"],
      ["Where does Lena live?", "Porto"],
      ["What do I do for a living?", "nurse"],
    ];
    for (const [personMessage, fact] of asked)
      for (const text of replies({ personMessage, memories: alexFacts }))
        expect(text, personMessage).toContain(fact);
  });

  it("\"What's my sister's name?\" is answered even when the answer was given before", () => {
    const said = "Lena, of course — your sister.";
    const recentMessages = [
      { author: "person" as const, text: "What's my sister's name?", at: "2025-05-02T18:00:00Z" },
      { author: "agent" as const, text: said, at: "2025-05-02T18:00:05Z" },
    ];
    for (const text of replies({
      personMessage: "What's my sister's name?",
      memories: alexFacts,
      recentMessages,
    })) {
      expect(text).toContain("Lena");
      expect(text).not.toMatch(/Have you ever tried/);
    }
  });

  it("admits not knowing instead of asking about its own interests", () => {
    for (const text of replies({ personMessage: "What's my sister's name?", memories: [] })) {
      expect(text).toMatch(/remind me/i);
      expect(text).not.toMatch(/Have you ever tried/);
    }
  });

  it("never answers about someone the person has not mentioned with another fact", () => {
    const onlyTheDog = [alexFacts[0]!];
    const said = [
      { author: "person" as const, text: "I have a dog named Biscuit.", at: "2025-05-02T18:00:00Z" },
    ];
    for (const personMessage of [
      "What's my sister's name?",
      "What is my brother called?",
      "Where does my mum live?",
    ])
      for (const memories of [onlyTheDog, []])
        for (const text of replies({
          personMessage,
          memories,
          recentMessages: memories.length ? [] : said,
        })) {
          expect(text, personMessage).not.toMatch(/Biscuit/);
          expect(text, personMessage).toMatch(/remind me|haven't told me|don't think you've told me/i);
        }
  });

  it("recalls a relation however the person names it", () => {
    const memories = [{ id: "m9", text: "Alex's mother lives in Braga", score: 0.3 }];
    for (const text of replies({ personMessage: "Where does my mum live?", memories }))
      expect(text).toMatch(/Braga/);
  });

  it("answers an invitation put without a subject, and a question about its age", () => {
    for (const personMessage of ["Want to grab coffee tomorrow?", "Fancy a drink later?"]) {
      expect(readMessage(personMessage).kind, personMessage).toBe("invitation");
      for (const text of replies({ personMessage }))
        expect(text, personMessage).not.toMatch(/good question|What's your take/);
    }
    expect(readMessage("How old are you?").kind).toBe("about-agent");
    for (const text of replies({ personMessage: "How old are you?" })) {
      expect(text).toMatch(/^(?:I'm \d+|Old enough\b)/);
      expect(text).not.toMatch(/on my mind/);
    }
    const aged = { ...miaInput().persona, summary: "Mia, 34, is a warm illustrator in Lisbon." };
    for (const text of replies({ personMessage: "How old are you?", persona: aged }))
      expect(text).toMatch(/^I'm 34/);
  });

  it("helps with what was asked, and offers to weigh options only for a choice", () => {
    for (const text of replies({ personMessage: "Can you help me with my homework?" })) {
      expect(text).toMatch(/where you're stuck with your homework/);
      expect(text).not.toMatch(/options/);
    }
    for (const text of replies({ personMessage: "Can you help me decide between two jobs?" }))
      expect(text).toMatch(/options/);
  });

  it("never exclaims over sad news it recalls", () => {
    const memories = [{ id: "m", text: "Alex's cat died yesterday", score: 0.5 }];
    for (const text of replies(
      { personMessage: "Do you remember what I told you about my cat?", memories },
      24,
    )) {
      expect(text).toMatch(/cat died yesterday/);
      expect(text).not.toMatch(/died yesterday!/);
    }
  });

  it("takes up an invitation to show the person around its city", () => {
    const personMessage = "I'd love to visit Lisbon someday, maybe you could show me around?";
    expect(readMessage(personMessage).kind).toBe("invitation");
    for (const text of replies({ personMessage })) {
      expect(text).toMatch(/I'd love that|Yes, please|Deal/);
      expect(text).toContain("Lisbon");
      expect(text).not.toMatch(/That's a big one/);
    }
  });

  it('"what are you up to?" says what it is doing, never "Have you ever tried…"', () => {
    const recentMessages = [
      { author: "person" as const, text: "what are you up to?", at: "2025-05-02T18:00:00Z" },
      {
        author: "agent" as const,
        text: "Just made dinner, finally sitting down.",
        at: "2025-05-02T18:00:05Z",
      },
    ];
    for (const text of replies({ personMessage: "what are you up to?", recentMessages })) {
      expect(text).not.toMatch(/Have you ever tried/);
      expect(text).toMatch(/\bI'm\b|Winding|Just made dinner|Reading|Curled/);
    }
  });

  it("thanks a compliment without turning it into a memory or the weather", () => {
    const memories = [{ id: "m", text: "Alex loves talking to Mia", score: 0.9 }];
    for (const text of replies({
      personMessage: "You're so kind and sweet, I love talking to you",
      memories,
    })) {
      expect(text).not.toMatch(/I remember|Alex loves|°C|snowing|raining/);
      expect(text).toMatch(/blush|sweetest|kind of you|love talking to you too/);
    }
  });

  it("meets a person who says their name, instead of calling it news about them", () => {
    for (const personMessage of ["Hi Mia! I'm Nora.", "My name is Nora.", "Call me Nora"])
      for (const text of replies({ personMessage, personName: "Alex" })) {
        expect(text, personMessage).toMatch(/Nice to meet you, Nora|Nora — lovely to meet you/);
        expect(text, personMessage).not.toMatch(/didn't know that about you|Tell me more/);
      }
  });

  it("greets by the person's own clock: no \"you're up late\" at 21:49", () => {
    const personMessage = "Hi Mia! I'm Nora.";
    const evening = new Date("2025-05-02T20:49:00Z"); // 21:49 in Lisbon
    for (const text of replies({
      personMessage,
      personName: "Nora",
      now: evening,
      personTimezone: "Europe/Lisbon",
    }))
      expect(text).not.toMatch(/up late|night owl/);
    // 23:40 for a person in Berlin while it is 22:40 for the agent in Lisbon.
    const late = new Date("2025-05-02T21:40:00Z");
    const said = replies(
      { personMessage, personName: "Nora", now: late, personTimezone: "Europe/Berlin" },
      24,
    );
    expect(said.some((text) => /up late|night owl/.test(text))).toBe(true);
    for (const text of replies({ personMessage, personName: "Nora", now: late, personTimezone: null }))
      expect(text).not.toMatch(/up late|night owl/);
  });

  it('retells a life event without "I a meeting", and a retired man has no workday', () => {
    const summary =
      "A meeting that could have been an email: Sat through an hour-long meeting about a decision nobody made.";
    const context = buildReplyPrompt(
      miaInput({ lifeEvents: [{ at: "2025-05-02T10:00:00Z", summary }] }),
    ).context;
    const remark = `${lifeEventRemark(context)}.`;
    expect(remark).not.toMatch(/\bI a\b/);
    expect(grammarProblems(remark)).toEqual([]);
    const pianist = {
      homeCity: "New Orleans",
      country: "United States",
      occupation: "retired jazz pianist",
      timezone: "America/Chicago",
    };
    for (const personMessage of ["how was your day?", "what do you do?", "what are you up to?"])
      for (const text of replies({
        identity: pianist,
        lifeEvents: [],
        personMessage,
        now: new Date("2025-05-02T15:00:00Z"),
      }))
        expect(text, personMessage).not.toMatch(
          /Work (?:today )?was|Still at work|Getting into work|the usual/,
        );
  });

  it("asks about the person's part of the day by their clock, not the agent's", () => {
    const now = new Date("2025-05-02T20:49:00Z"); // 21:49 in Lisbon, 16:49 in New York
    const asked = (personTimezone: string | null) =>
      replies({ personMessage: "Nothing much happened today.", now, personTimezone }, 40).join(" ");
    expect(asked("America/New_York")).toMatch(/How's your afternoon going/);
    expect(asked("America/New_York")).not.toMatch(/How's your (?:evening|night)/);
    expect(asked(null)).not.toMatch(/How's your (?:evening|night|afternoon|morning)/);
  });
});

describe("the offline engine on weather news that is not bad news", () => {
  it("is glad of snow told with a snowflake, and sympathises with a heatwave, never 'oh no' or 'stay dry'", () => {
    for (const text of replies({ personMessage: "It's snowing here! ❄️" })) {
      expect(text).toMatch(/snow/i);
      expect(text).not.toMatch(/Oh no|grim|poor you|Stay dry/);
    }
    for (const text of replies({ personMessage: "it's so hot here, 38 degrees 🥵" }))
      expect(text).toMatch(/hot|scorcher|shade|water/i);
  });
});
