import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const agentSaid = (text: string) => [{ author: "agent" as const, text, at: "2025-05-02T18:29:00Z" }];

/** Answers that fit no question: a shrug, a nonsense yes, the mood's "Look at you" to an "ok". */
const evasive =
  /good question|What's your take|That's a big one|Now and then, yes|I could be convinced|Look at you/;

describe("the offline engine answers everyday questions a person asks it", () => {
  it("a short reply is answered against what the agent just said", () => {
    const asked = agentSaid("I'm in Lisbon, it's lovely this time of year. Do you like the sea?");
    const told = agentSaid("Honestly, pottery is my happy place.");
    const cases: [string, typeof asked, RegExp][] = [
      ["yes", asked, /^(?:I had a feeling|Ha, I knew it|Oh, nice)/],
      ["no", asked, /Fair enough|Ah, okay/],
      ["ok", told, /^(?:Okay then|Alright|Mm-hm)/],
      ["cool", told, /^(?:Okay then|Alright|Mm-hm)/],
      ["why?", told, /just how (?:it is for me|I feel)/],
      ["why?", asked, /Just curious|No reason/],
      ["really?", told, /^Really/],
    ];
    for (const [personMessage, recentMessages, answer] of cases)
      for (const text of replies({ personMessage, recentMessages })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(evasive);
        expect(text, personMessage).not.toMatch(/°C|Work today|pottery class/);
      }
  });

  it("at work, says once what it is busy with, the same thing however it is asked", () => {
    // A Friday afternoon in Lisbon: the illustrator is at work.
    const now = new Date("2025-05-02T14:00:00Z");
    for (const personMessage of ["what are you up to?", "what are you doing?", "hey, busy?"]) {
      const said = replies({ now, personMessage });
      for (const text of said) {
        expect(text.match(/at work/g) ?? [], text).toHaveLength(1);
        expect(text, text).not.toMatch(/commission.*palettes|palettes.*commission/);
      }
    }
    const activities = new Set(
      ["what are you up to?", "hi", "how was lunch?"].flatMap((personMessage) =>
        replies({ now, personMessage }).map((text) => /at work, ([^.!?]+)/.exec(text)?.[1]),
      ),
    );
    expect(activities.size).toBe(1);
  });

  it("says it is busy once, not at the top of every reply that hour, in whole sentences", () => {
    const now = new Date("2025-05-02T14:00:00Z");
    for (const first of replies({ now, personMessage: "hi there" })) {
      expect(first).toMatch(/^Can't talk long — I'm still at work; it's [^.!?]+ today[.!?]/);
      for (const next of replies({
        now,
        personMessage: "I had pasta for lunch",
        recentMessages: agentSaid(first),
      }))
        expect(next).not.toMatch(/Can't talk long/);
    }
  });

  it("does not say again that it is busy once that line has left the recent messages", () => {
    const now = new Date("2025-05-02T14:00:00Z");
    // The window holds only the last exchange; the busy line was said three replies before.
    const recentMessages = [
      { author: "person" as const, text: "haha fair", at: "2025-05-02T13:54:00Z" },
      { author: "agent" as const, text: "Right? Anyway, back to it.", at: "2025-05-02T13:55:00Z" },
    ];
    for (const personMessage of ["I had pasta for lunch", "what's new?", "ok"])
      for (const next of replies({
        now,
        personMessage,
        recentMessages,
        latestAgentMessageAt: "2025-05-02T13:55:00Z",
      }))
        expect(next, personMessage).not.toMatch(/Can't talk long/);
    // An answer no longer ends with the promise to talk later each time.
    for (const next of replies({
      now,
      personMessage: "how tall are you?",
      recentMessages,
      latestAgentMessageAt: "2025-05-02T13:55:00Z",
    }))
      expect(next).not.toMatch(/Talk properly later|when I'm free/);
    // A one-word answer is still the answer.
    for (const next of replies({
      now,
      personMessage: "what are you afraid of?",
      recentMessages,
      latestAgentMessageAt: "2025-05-02T13:55:00Z",
    }))
      expect(next).toMatch(/water|Heights|Spiders|Wasps/);
    // The greeting that opened the conversation with this very message told nothing of being busy.
    for (const next of replies({
      now,
      personMessage: "hey",
      recentMessages: [],
      latestAgentMessageAt: "2025-05-02T14:00:00Z",
      messageSentAt: "2025-05-02T14:00:00Z",
    }))
      expect(next).toMatch(/Can't talk long/);
    // A reply regenerated: the one it replaces came after the message, in the same stretch.
    for (const next of replies({
      now,
      personMessage: "thanks",
      recentMessages: [],
      latestAgentMessageAt: "2025-05-02T13:59:00Z",
      messageSentAt: "2025-05-02T13:58:00Z",
    }))
      expect(next).not.toMatch(/Can't talk long/);
    // Back after the afternoon off: busy again is news again.
    for (const next of replies({
      now,
      personMessage: "hi",
      recentMessages,
      latestAgentMessageAt: "2025-05-01T22:00:00Z",
    }))
      expect(next).toMatch(/Can't talk long/);
  });

  it("names its own favourites, the same ones every time it is asked", () => {
    const asked: [string, RegExp][] = [
      ["What's your favourite film?", /Spirited Away|Amélie|Before Sunrise|Grand Budapest/i],
      ["What music do you like?", /jazz|Nina Simone|fado|indie/i],
      ["what's your favourite food?", /ramen|bread|fish|lasagne/i],
    ];
    for (const [personMessage, answer] of asked) {
      const said = replies({ personMessage });
      const favourites = new Set(said.map((text) => answer.exec(text)?.[0]?.toLowerCase()));
      expect(favourites.size, personMessage).toBe(1);
      for (const text of said)
        expect(text, personMessage).not.toMatch(/film photography for hours|I love film/);
    }
  });

  it('"Do you like coffee?" gets a yes or a no of its own, never "I could be convinced"', () => {
    for (const personMessage of ["Do you like coffee?", "Do you like dogs?", "Do you like horror movies?"]) {
      const said = replies({ personMessage });
      for (const text of said) {
        expect(text, personMessage).toMatch(
          /^(?:I do, actually|Yes, a lot|I really do|Not really|Honestly, it's not my thing)/,
        );
        expect(text, personMessage).not.toMatch(evasive);
      }
      const yes = said.map((text) => /^(?:I do|Yes|I really)/.test(text));
      expect(new Set(yes).size, personMessage).toBe(1);
    }
  });

  it("answers where it has been, what it misses, pets, meals and what it is reading", () => {
    const asked: [string, RegExp][] = [
      ["Have you been to Paris?", /Paris/],
      ["Have you been to Lisbon?", /I live in Lisbon/],
      ["Do you miss Porto?", /Porto is a big part of my story/],
      ["Do you have a cat?", /cat called Miso|No pets/],
      ["What did you have for dinner?", /^I had /],
      ["What are you reading?", /^A book about/],
      ["What are you watching?", /^I'm watching a documentary about/],
      ["What did you watch last night?", /^I watched a documentary about/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(evasive);
      }
  });

  it('"Are you happy?" asks how the agent is, it is not the person\'s good news', () => {
    for (const personMessage of ["Are you happy?", "are you ok?"]) {
      expect(readMessage(personMessage).feeling, personMessage).toBeNull();
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/^I'm /);
        expect(text, personMessage).not.toMatch(/wonderful news|love that for you|celebrat/);
      }
    }
  });

  it('"What should I cook tonight?" is a request for advice, not a question about their past', () => {
    for (const personMessage of ["what should I cook tonight?", "What should I watch tonight?"]) {
      expect(readMessage(personMessage).kind, personMessage).toBe("request");
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/^Okay/);
        expect(text, personMessage).not.toMatch(/remind me|Of course I remember|loves hiking/i);
      }
    }
  });

  it("loves its own home city and country when asked whether it likes them", () => {
    for (const personMessage of ["Do you like Lisbon?", "do you like portugal?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/^I (?:really do )?love /);
        expect(text, personMessage).not.toMatch(/Not really|not my thing|more of a/);
      }
  });

  it("a joke or a story asked for is told, even when busy and the reply is short", () => {
    const atWork = new Date("2025-05-02T14:00:00Z");
    for (const now of [undefined, atWork]) {
      for (const text of replies({ personMessage: "Tell me a joke", ...(now ? { now } : {}) }))
        expect(text, text).toMatch(/here's one: \S.{15,}/);
      for (const text of replies({ personMessage: "tell me a story", ...(now ? { now } : {}) }))
        expect(text, text).toMatch(/little story from Lisbon: this week/);
    }
  });

  it('"Do you cook?" is answered from the agent\'s interests or honestly, never with its current work', () => {
    for (const personMessage of ["Do you cook?", "do you bake much?", "Do you ever dance?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(/Right now it's mostly|keeps me on my toes/);
        expect(text, personMessage).toMatch(/^(?:Not much|Not really|Only the basics|Badly)/);
        expect(text, personMessage).toMatch(/pottery|film photography|bouldering/);
      }
    for (const text of replies({ personMessage: "Do you climb?" }))
      expect(text).toMatch(/^(?:I do|Yes|All the time)\b.*bouldering/);
    for (const text of replies({ personMessage: "Do you draw?" }))
      expect(text).toMatch(/illustrator|my job/i);
  });
});
