import { describe, expect, it } from "vitest";
import { templateAgentGenerator } from "../../../src/application/agents/templateAgentGenerator.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("offline companion: remembers what it was told", () => {
  it("names the pet a person adopted, asked about as the animal or as a pet", async () => {
    const replies = await askAgent([
      "hi Mira",
      "we adopted a cat named Luna",
      "I work in a bakery",
      "what's my cat called?",
      "what's my pet's name?",
    ]);
    expect(replies[3]).toMatch(/\bLuna\b/);
    expect(replies[4]).toMatch(/\bLuna\b/);
    expect(replies[3]).not.toMatch(/\bwe adopted\b/i);
  });

  it("reads a follow-up as being about what the person mentioned before", async () => {
    const replies = await askAgent([
      "hey",
      "I have an exam tomorrow",
      "It's chemistry",
      "I also walked the dog",
      "my sister is visiting on Sunday",
      "What did I say my exam was about?",
    ]);
    expect(replies[5]).toMatch(/chemistry/i);
  });
});

describe("offline companion: follow-ups and pets, said in other ways", () => {
  it("answers where, when and who from the follow-up that said so", async () => {
    const replies = await askAgent([
      "hi",
      "I have a job interview on Monday",
      "It's at Google",
      "I'm reading a great book",
      "It's by Murakami",
      "where is my interview?",
      "when is my interview?",
      "who wrote the book I'm reading?",
    ]);
    expect(replies[2]).toMatch(/Google/);
    expect(replies[5]).toMatch(/Google/);
    expect(replies[6]).toMatch(/Monday/);
    expect(replies[7]).toMatch(/Murakami/);
  });

  it("names a pet introduced as “his name is …”", async () => {
    const replies = await askAgent(["hey", "we got a puppy, his name is Bruno", "what's my dog's name?"]);
    expect(replies[2]).toMatch(/Bruno/);
  });
});

describe("offline companion: answers what it was asked", () => {
  it("gives advice on the topic asked about", async () => {
    const replies = await askAgent([
      "hi",
      "can you give me some advice on public speaking?",
      "any tips for sleeping better?",
      "how do I get over a breakup?",
    ]);
    expect(replies[1]).toMatch(/public speaking/i);
    expect(replies[1]).toMatch(/practi[cs]e|breathe|sentences/i);
    expect(replies[2]).toMatch(/bed|sleep/i);
    expect(replies[3]).toMatch(/breakup/i);
    expect(replies.slice(1).join(" ")).not.toMatch(/go with your gut/i);
  });

  it("tells a story about what was asked", async () => {
    const [, story] = await askAgent(["hey", "tell me a story about a lighthouse keeper"]);
    expect(story).toMatch(/once upon a time/i);
    expect(story!.match(/lighthouse keeper/gi)?.length).toBeGreaterThanOrEqual(2);
  });

  it("gives its own local time when asked the time over there", async () => {
    const [, time] = await askAgent(["hi", "what's the time over there?"], undefined, "2025-03-10T18:00:00Z");
    // 18:03 UTC is 18:03 in Lisbon in March.
    expect(time).toMatch(/\b18:0\d\b/);
    expect(time).toMatch(/Lisbon/);
  });

  it("says something it likes about its own city", async () => {
    const replies = await askAgent(["hi", "what do you love about Lisbon?", "do you like your city?"]);
    for (const reply of replies.slice(1)) {
      expect(reply).toMatch(/Lisbon/);
      expect(reply).toMatch(/\b(?:love|adore|favourite|like most)\b/i);
    }
  });

  it("meets a breakup and sad news gently, without cheer", async () => {
    const replies = await askAgent([
      "hi",
      "my girlfriend broke up with me",
      "I didn't get the job",
      "my parents are getting divorced",
    ]);
    for (const reply of replies.slice(1)) {
      expect(reply).toMatch(/sorry|here|hard|talk|happened/i);
      expect(reply).not.toMatch(/\b(?:yay|awesome|amazing|exciting|great|congrat\w*|woo+)\b|!/i);
    }
  });

  it("says something kind when asked for something nice", async () => {
    const [, nice] = await askAgent(["hi", "tell me something nice"]);
    expect(nice).toMatch(/\byou(?:'re| are|r)?\b/i);
    expect(nice).not.toMatch(/go with your gut/i);
  });

  it("answers a question about its work from its identity", async () => {
    const replies = await askAgent([
      "hi",
      "what do you do for work?",
      "what's your job like?",
      "what's the hardest part of your job?",
    ]);
    expect(replies[1]).toMatch(/sound engineer/i);
    expect(replies.slice(1).join(" ")).toMatch(/\b(?:mix\w*|band|studio|sound)\b/i);
    expect(replies.join(" ")).not.toMatch(/\b(?:code|bug|software)\b/i);
    expect(replies[3]).toMatch(/hardest/i);
  });
});

describe("offline companion: a generated agent follows its description", () => {
  it("a Brazilian chef who runs a food truck in Sydney is one, and says so", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a Brazilian chef who runs a food truck in Sydney",
      appearancePrompt: "",
    });
    expect(draft.identity.occupation).toMatch(/chef/);
    expect(draft.identity.occupation).toMatch(/food truck/);
    expect(draft.identity).toMatchObject({ homeCity: "Sydney", timezone: "Australia/Sydney" });
    expect(`${draft.persona.summary} ${draft.persona.backstory}`).toMatch(/Brazil/);
    expect([
      "Inês",
      "Beatriz",
      "Mariana",
      "Joana",
      "Catarina",
      "João",
      "Tiago",
      "Duarte",
      "Rafael",
      "Miguel",
    ]).toContain(draft.name);
    const replies = await askAgent(
      ["hi", "what do you do for work?"],
      {
        name: draft.name,
        homeCity: draft.identity.homeCity,
        country: draft.identity.country ?? "Australia",
        occupation: draft.identity.occupation,
        timezone: draft.identity.timezone,
        interests: draft.persona.interests,
        summary: draft.persona.summary,
        backstory: draft.persona.backstory,
      },
      "2025-03-10T09:00:00Z",
    );
    expect(replies[1]).toMatch(/food truck/i);
  });
});

describe("offline companion: the same asks, worded otherwise", () => {
  it("advice on a career, on a roommate; a story about plural heroes; encouragement", async () => {
    const replies = await askAgent([
      "hi",
      "give me some advice about my career",
      "what should I do about my messy roommate?",
      "Can you tell me a story about pirates?",
      "I could use some encouragement",
    ]);
    expect(replies[1]).toMatch(/career/);
    expect(replies[1]).not.toMatch(/interview/);
    expect(replies[2]).toMatch(/your messy roommate/);
    expect(replies[3]).toMatch(/pirates/);
    expect(replies[3]).not.toMatch(/\ba pirates\b/);
    expect(replies[4]).toMatch(/\byou\b/i);
    expect(replies[4]).not.toMatch(/^\W*(?:Oh, okay|Mm)\.?\s*(?:Lisbon|It's|Outside)/);
  });

  it("its city and its work, asked in everyday words", async () => {
    const replies = await askAgent([
      "hi",
      "what do you like about living in Lisbon?",
      "how's work?",
      "do you like being a sound engineer?",
      "what's a typical day at work like?",
    ]);
    expect(replies[1]).toMatch(/love Lisbon/);
    expect(replies[2]).toMatch(/mix|sound|band|studio/i);
    const more = await askAgent(["hi", "Is Lisbon nice?", "what's your favourite thing about Lisbon?"]);
    for (const reply of more.slice(1)) expect(reply).toMatch(/love Lisbon|favourite|like most/);
    expect(replies[3]).toMatch(/mix|sound|band|studio/i);
    expect(replies[4]).toMatch(/sound engineer/);
  });

  it("a request for advice is not remembered as a fact about the person", async () => {
    const replies = await askAgent([
      "hi",
      "give me some advice about my career",
      "I need advice on dealing with stress",
    ]);
    expect(replies[2]).not.toMatch(/you told me/i);
  });
});
