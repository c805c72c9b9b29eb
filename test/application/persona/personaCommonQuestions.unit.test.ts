import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 8): string[] {
  const context = buildReplyPrompt(miaInput(overrides)).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const evasive = /good question|What's your take|let me think|I keep thinking about/;

describe("the offline engine answers the questions people ask most, however they type them", () => {
  it("reads a phone's curly apostrophes and chat spellings as it reads plain ones", () => {
    const asked: [string, RegExp][] = [
      ["what’s your name?", /^I'm Mia/],
      ["whats ur name", /^I'm Mia/],
      ["how’s your day going?", /^(?:Not bad at all|Long, but good|Pretty full, honestly|I'm )/],
      ["where’re you from?", /Lisbon|Porto/],
      ["what’s the time there?", /^It's 19:30/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(evasive);
      }
  });

  it("says what day and hour it is where it lives", () => {
    for (const personMessage of ["what day is it there?", "is it late there?"])
      for (const text of replies({ personMessage })) {
        // "Is it late?" is answered yes or no before the time.
        expect(text, personMessage).toMatch(/^(?:It's|No — it's) 19:30 on a Friday here in Lisbon/);
        expect(text, personMessage).not.toMatch(evasive);
      }
  });

  it('"what do you know about me?" is answered with what it remembers', () => {
    for (const personMessage of ["what do you know about me?", "What have you learned about me so far?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/your sister is called Ana/);
        expect(text, personMessage).toMatch(/you love hiking in the mountains/);
        expect(text, personMessage).not.toMatch(evasive);
      }
    for (const text of replies({ personMessage: "what do you know about me?", memories: [] }))
      expect(text).toMatch(/^Not much yet/);
    const justTold = [
      {
        author: "person" as const,
        text: "hi! My dog is called Rex and I work as a nurse.",
        at: "2025-05-02T18:28:00Z",
      },
      { author: "agent" as const, text: "Oh, you have a dog.", at: "2025-05-02T18:29:00Z" },
    ];
    for (const text of replies({
      personMessage: "what do you know about me?",
      memories: [],
      recentMessages: justTold,
    }))
      expect(text).toMatch(/^I know your dog is called Rex and you work as a nurse/);
  });

  it('"what do you know about me?" says a fact once, and not their own name as a fact', () => {
    const introduced = [
      {
        author: "person" as const,
        text: "hi Mia! I'm Sam, I just moved to Porto for a new job as a nurse. how's your day going?",
        at: "2025-05-02T18:28:00Z",
      },
      { author: "agent" as const, text: "That's wonderful news.", at: "2025-05-02T18:29:00Z" },
    ];
    const memories = [{ id: "m1", text: "Sam just moved to Porto for a new job as a nurse", score: 0.9 }];
    for (const text of replies({
      personMessage: "what do you remember about me?",
      memories,
      recentMessages: introduced,
    })) {
      expect(text).toMatch(/^I know you just moved to Porto for a new job as a nurse\b/);
      expect(text.match(/moved to Porto/g)).toHaveLength(1);
      expect(text).not.toMatch(/you're (?:you|Sam)\b/);
    }
  });

  it("a remembered fact that starts with a name keeps its capital", () => {
    const memories = [{ id: "m1", text: "Ana is Sam's older sister.", score: 0.9 }];
    for (const text of replies({ personMessage: "what do you remember about Ana?", memories }))
      expect(text).toMatch(/Ana is your older sister/);
  });

  it('"do you love me?" and "are you mad at me?" are answered from how it feels about the person', () => {
    for (const personMessage of ["do you love me?", "Do you like me?", "do you miss me?"]) {
      for (const text of replies({ personMessage, affinity: 60 })) {
        expect(text, personMessage).toMatch(/^(?:Of course I|I really do) (?:love|like|miss) you/);
        expect(text, personMessage).not.toMatch(/Not really|pottery person/);
      }
      for (const text of replies({ personMessage, affinity: -40 }))
        expect(text, personMessage).toMatch(/^I'm still making up my mind about you/);
    }
    for (const text of replies({ personMessage: "did you miss me?", affinity: 60 }))
      expect(text).toMatch(/^Of course I did/);
    for (const text of replies({ personMessage: "did you miss me?", affinity: -40 }))
      expect(text).toMatch(/^A little, maybe/);
    for (const personMessage of ["are you mad at me?", "Are you angry with me?"]) {
      for (const text of replies({ personMessage, affinity: 30 }))
        expect(text, personMessage).toMatch(/^No, not at all/);
      for (const text of replies({ personMessage, affinity: -40 }))
        expect(text, personMessage).toMatch(/^A little, honestly/);
    }
  });

  it("says its last name, where it lives however it is asked, and what it ate", () => {
    for (const text of replies({ personMessage: "what's your last name?" }))
      expect(text).toMatch(/^It's Rossi — Mia Rossi/);
    for (const text of replies({ personMessage: "where exactly in Lisbon do you live?" }))
      expect(text).toMatch(/^I'm in Lisbon/);
    // 19:30 in Lisbon: dinner time.
    for (const text of replies({ personMessage: "have you eaten?" })) {
      expect(text).toMatch(/^(?:I had|Not yet)/);
      expect(text).not.toMatch(/Not that I can think of/);
    }
  });

  it('"can we meet?" is an invitation', () => {
    for (const text of replies({ personMessage: "can we meet?" })) expect(text).not.toMatch(evasive);
  });

  it("keeps one birthday, dresses for its weather, and keeps its number to itself", () => {
    const birthdays = new Set(
      ["when is your birthday?", "When's your birthday?"].flatMap((personMessage) =>
        replies({ personMessage }).map((text) => /^It's on (\d+ \w+)/.exec(text)?.[1]),
      ),
    );
    expect(birthdays.size).toBe(1);
    expect([...birthdays][0]).toBeDefined();
    for (const text of replies({ personMessage: "what are you wearing?" }))
      expect(text).toMatch(/^Just (?:a T-shirt|jeans)/);
    for (const personMessage of ["what's your phone number?", "can I have your number?"])
      for (const text of replies({ personMessage }))
        expect(text, personMessage).toMatch(/^I'd rather keep chatting here/);
  });

  it("questions about the conversation itself get a warm, honest answer, never a shrugged no", () => {
    const asked: [string, RegExp][] = [
      ["Can you keep a secret?", /^Of course/],
      ["can you hear me?", /^(?:I hear you|I do, yes)/],
      ["Do you know what I mean?", /^(?:I hear you|I do, yes)/],
      ["Do you want to hear a secret?", /^Always/],
      ["Do you have time to talk?", /^(?:For you, always|A little)/],
      ["Will you remember this?", /^I will, I'll remember it/],
      ["can you remind me to call mum tomorrow?", /^I can't set reminders/],
      ["Did you miss me?", /^(?:I did, honestly|Of course I did)/],
    ];
    for (const [personMessage, answer] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/Not really|Not much|No, I don't/);
      }
  });

  it('"should I quit my job?" gets help deciding, named in the person\'s words', () => {
    for (const personMessage of ["Do you think I should quit my job?", "should I move to Berlin?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/What's making you want to (?:quit your job|move to Berlin)\?/);
        expect(text, personMessage).not.toMatch(/Right now it's mostly|keeps me on my toes/);
      }
  });
});
