import { describe, expect, it } from "vitest";
import { starterAgents } from "../../../src/application/agents/starterAgents.ts";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Lines from long everyday conversations where the offline companion answered off the point. */
function replies(personMessage: string, overrides: Partial<ReplyPromptInput> = {}, seeds = 6): string[] {
  const context = buildReplyPrompt(miaInput({ personMessage, memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const afterJoke: ReplyPromptInput["recentMessages"] = [
  { author: "person", text: "tell me a joke", at: "2025-05-02T18:20:00Z" },
  {
    author: "agent",
    text: "Okay, here's one: Why did the scarecrow win an award? Because he was outstanding in his field.",
    at: "2025-05-02T18:20:05Z",
  },
];
const consoling = /I'm sorry|sounds really hard|What happened|I'm here|talk about it/;

describe("the offline companion with a demanding person", () => {
  it("takes a groan at its joke as a laugh, not as bad news", () => {
    for (const personMessage of ["haha that's terrible", "lol that was awful", "hahaha the worst"])
      for (const text of replies(personMessage, { recentMessages: afterJoke }))
        expect(text, personMessage).not.toMatch(consoling);
  });

  it("hears 'I didn't sleep well' as news, not as good night", () => {
    for (const text of replies("I didn't sleep well"))
      expect(text).not.toMatch(/night|sweet dreams|sleep well/i);
  });

  it("changes the subject when asked, without taking it for an invitation", () => {
    for (const text of replies("ok let's talk about something else"))
      expect(text).not.toMatch(/Count me in|Tell me when|I'll be there|Yes, let's/);
  });

  it("thanks a compliment on its looks", () => {
    for (const text of replies("you look nice")) expect(text).toMatch(/thank|sweet|kind|made my|blush/i);
  });

  it("gives the tips asked for, even about something it remembers", () => {
    const memories = [
      { id: "m", text: "Sam has a job interview tomorrow.", score: 0.9, kind: "fact" as const },
    ];
    for (const text of replies("any tips for a job interview?", { memories })) {
      expect(text).toMatch(/My advice on a job interview/);
      expect(text).not.toMatch(/Of course I remember/);
    }
  });

  it("does not shrug 'not much' at a request to talk or a question about home", () => {
    for (const personMessage of ["can you just talk to me for a bit?", "do you live alone?"])
      for (const text of replies(personMessage))
        expect(text, personMessage).not.toMatch(/^Not (?:much|really)/);
  });
});

describe("the starter companions stay true to their personas", () => {
  const as = (name: string, personMessage: string) => {
    const agent = starterAgents.find((a) => a.name === name)!;
    const base = miaInput();
    return replies(personMessage, {
      persona: { ...base.persona, ...agent.persona, name: agent.name, selfDescribesAsAI: false },
      identity: { ...agent.identity, country: agent.identity.country ?? "" },
    });
  };

  it("is not afraid of what it loves doing, and grew up where its story says", () => {
    for (const text of as("Rosa", "what are you afraid of?")) expect(text).not.toMatch(/water/i);
    for (const text of as("Mia", "where did you grow up?")) expect(text).toMatch(/Cascais/);
  });

  it("answers a dream trip, plans for the weekend and a favourite album as asked", () => {
    for (const [name, personMessage, answer] of [
      [
        "Mia",
        "what's your dream trip?",
        /trip|travel|go to|visit|Japan|Iceland|Patagonia|Norway|New Zealand|see/i,
      ],
      ["Kenji", "what should I do this weekend?", /weekend|outside|try/i],
      ["Kenji", "what's your favourite album?", /album|record|Kind of Blue|by\b/i],
    ] as const)
      for (const text of as(name, personMessage)) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/winding down|keep thinking about|go with your gut|^Synths/);
      }
  });

  it("cheers the person up with something it does, in words that fit", () => {
    for (const text of as("Mia", "can you cheer me up?"))
      expect(text).not.toMatch(/failing at (?:old trams|pastéis)/);
  });
});

describe("everyday questions asked the way people ask them", () => {
  it("says what it did today, not how the day was, when asked what it did", () => {
    for (const text of replies("what did you do today?"))
      expect(text).not.toMatch(/^(?:Not bad at all|Long, but good|Pretty full)/);
  });

  it("answers bedtime asked with 'usually', and its neighbourhood", () => {
    for (const text of replies("what time do you usually go to bed?"))
      expect(text).toMatch(/^I'm usually in bed by \d\d:\d\d/);
    for (const text of replies("what's your neighbourhood like?"))
      expect(text).toMatch(/street|bakery|café|neighbours|quiet|hill|tram|market/i);
  });

  it("takes 'can we get ramen together sometime?' as an invitation", () => {
    for (const text of replies("can we get ramen together sometime?"))
      expect(text).not.toMatch(/No idea|not sure/i);
  });

  it("busy and with nothing to answer, still says something to what the person told", () => {
    const now = new Date("2025-05-02T14:00:00Z");
    const recentMessages = [
      { author: "agent" as const, text: "Can't talk long — I'm still at work.", at: "2025-05-02T13:55:00Z" },
    ];
    for (const personMessage of ["I had pasta", "it was so boring honestly"])
      for (const text of replies(personMessage, {
        now,
        recentMessages,
        latestAgentMessageAt: "2025-05-02T13:55:00Z",
      })) {
        expect(text, personMessage).not.toMatch(/^(?:I'll message you when I'm free|Talk properly later)/);
        expect(text.length, personMessage).toBeGreaterThan(4);
      }
  });
});

describe("recalling what the person said a few lines ago", () => {
  it("recalls a fact they told, not how they felt", () => {
    const recentMessages = [
      { author: "person" as const, text: "I'm learning Japanese", at: "2025-05-02T18:00:00Z" },
      { author: "agent" as const, text: "Ooh, Japanese.", at: "2025-05-02T18:00:05Z" },
      { author: "person" as const, text: "I'm feeling lonely tonight", at: "2025-05-02T18:10:00Z" },
      { author: "agent" as const, text: "Oh, Sam… I'm here.", at: "2025-05-02T18:10:05Z" },
    ];
    for (const text of replies("do you remember what I'm learning?", { recentMessages })) {
      expect(text).not.toMatch(/lonely/);
      expect(text).toMatch(/Japanese/);
    }
    // With the fact out of view, how they felt is still no answer to it.
    for (const text of replies("do you remember what I'm learning?", {
      recentMessages: recentMessages.slice(2),
    }))
      expect(text).not.toMatch(/lonely/);
  });
});
