import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { askAgent } from "./dialogues/askAgent.ts";

/** 02:30 in Lisbon: Mia is asleep, and wakes up for someone close. */
const night = new Date("2025-05-03T01:30:00Z");

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const input = miaInput({ personName: "Alex", memories: [], now: night, affinity: 70, ...overrides });
  const context = buildReplyPrompt(input).context;
  expect(context.availability.replyMode).toBe("sleepy");
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

describe("woken up at night, the offline companion still answers what it was asked", () => {
  it("answers the question or meets the news, drowsily", () => {
    const said: [string, RegExp][] = [
      ["What's your name?", /Mia/],
      ["What's 12 times 7?", /84/],
      ["I have a headache.", /sorry|Ouch|poor you/i],
      ["Do you have any pets?", /cat|pets/i],
    ];
    for (const [personMessage, answer] of said)
      for (const text of replies({ personMessage })) expect(text, personMessage).toMatch(answer);
  });

  it("writes each drowsy sentence with a capital, and meets a hello with one by name", () => {
    for (const personMessage of ["evening!", "yo Mia", "so what's new with you", "bye for now"])
      for (const text of replies({ personMessage }))
        for (const sentence of text.split(/(?<=[.!?…])\s+/))
          expect(sentence, `${personMessage} → ${text}`).toMatch(/^[^\p{Ll}]/u);
    for (const text of replies({ personMessage: "yo Mia" })) expect(text).toMatch(/\bHi, Alex\b/);
  });

  it("says it was woken up once, not in every reply", () => {
    const recentMessages = [
      { author: "person" as const, text: "hey", at: "2025-05-03T01:28:00Z" },
      {
        author: "agent" as const,
        text: "You woke me up… Hi… Can we talk tomorrow?",
        at: "2025-05-03T01:28:05Z",
      },
    ];
    for (const text of replies({ personMessage: "What's your name?", recentMessages }))
      expect(text).not.toMatch(/woke me up/);
  });

  it("says the hour it was woken at once, not again in the next reply", () => {
    const recentMessages = [
      { author: "person" as const, text: "you there?", at: "2025-05-03T01:28:00Z" },
      {
        author: "agent" as const,
        text: "Mm… Alex? It's 02:28 here… Barely.",
        at: "2025-05-03T01:28:05Z",
      },
    ];
    for (const text of replies({ personMessage: "do you like rain?", recentMessages }))
      expect(text).not.toMatch(/It's \d\d:\d\d here|woke me up/i);
  });

  it("once awake for the person, stops saying so and asking to talk tomorrow, whatever the window holds", () => {
    // The last reply came a few minutes ago, in the same night; the window shows only the last exchange.
    const recentMessages = [
      { author: "person" as const, text: "haha", at: "2025-05-03T01:24:00Z" },
      { author: "agent" as const, text: "Still half asleep… That's funny.", at: "2025-05-03T01:24:05Z" },
    ];
    for (const personMessage of ["What's your name?", "I have a headache.", "how tall are you?"])
      for (const text of replies({
        personMessage,
        recentMessages,
        latestAgentMessageAt: "2025-05-03T01:24:05Z",
      })) {
        expect(text, personMessage).not.toMatch(/woke me up|it's \d\d:\d\d here/i);
        expect(text, personMessage).not.toMatch(/talk tomorrow|in the morning\?/);
      }
  });
});

describe("a busy companion thanked", () => {
  it("says it was glad to, not “fair enough”", async () => {
    // 14:00 in Lisbon on a Monday: Mira is at work.
    const replies = await askAgent(
      ["hi", "I had a rough day", "thanks for listening"],
      undefined,
      "2025-03-10T14:00:00Z",
    );
    expect(replies[0]).toMatch(/Can't talk long/);
    expect(replies[2]).toMatch(/Anytime|Always happy to|Of course/);
    expect(replies[2]).not.toMatch(/Fair enough|Ha, noted/);
  });
});

describe("a short reply to a big step keeps the question that helps weigh it", () => {
  const step = "I got an offer in Toronto but it means leaving my family";

  it("woken up, it asks what the gut says, not only that it is hard", () => {
    for (const text of replies({ personMessage: step })) {
      expect(text).toMatch(/hard one[^?]*\. What does your gut say/);
      expect(text).toMatch(/What does your gut say/);
      expect(text).not.toMatch(/talk tomorrow|in the morning\?/);
    }
  });

  it("busy at work, it asks the same", async () => {
    // 14:00 in Lisbon on a Monday: Mira is at work.
    const [, reply] = await askAgent(["hi", step], undefined, "2025-03-10T14:00:00Z");
    expect(reply).toMatch(/hard one[^?]*\. What does your gut say/);
    expect(reply).toMatch(/What does your gut say/);
  });
});
