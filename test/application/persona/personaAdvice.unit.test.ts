import { describe, expect, it } from "vitest";
import { starterAgents } from "../../../src/application/agents/starterAgents.ts";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { askAgent } from "./dialogues/askAgent.ts";

function replies(personMessage: string, overrides: Partial<ReplyPromptInput> = {}, seeds = 6): string[] {
  const context = buildReplyPrompt(miaInput({ personMessage, memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** The catch-alls a question about itself or a request falls into when nothing answers it. */
const generic = /winding down|keep thinking about|go with your gut|Start small/;

describe("the offline engine on advice", () => {
  it("tells the best advice it was given, the same each time, and not the same for every agent", () => {
    const given = (persona: ReplyPromptInput["persona"]) =>
      replies("What's the best advice you've ever gotten?", { persona }).map((t) => t.split(/[!.]/)[0]);
    const mine = given(miaInput().persona);
    expect(new Set(mine).size).toBe(1);
    expect(mine[0]).toMatch(/told me/);
    const everyone = starterAgents.map(
      (a) => given({ ...a.persona, name: a.name, selfDescribesAsAI: false })[0],
    );
    expect(new Set([...everyone, mine[0]]).size).toBeGreaterThan(1);
    for (const personMessage of [
      "what's the best advice anyone ever gave you?",
      "What advice would you give your younger self?",
      "what would you do if you were me?",
    ])
      for (const text of replies(personMessage)) expect(text, personMessage).not.toMatch(generic);
  });

  it("asks what is going on when asked for advice about nothing yet, or about someone", () => {
    for (const personMessage of [
      "Can you give me some advice?",
      "I need advice",
      "I need some advice about my sister",
    ])
      for (const text of replies(personMessage)) {
        expect(text, personMessage).toMatch(/What's going on/);
        expect(text, personMessage).not.toMatch(generic);
      }
  });

  it("says a topic back only where it reads well: advice is for a beginner, and a bare word is not repeated", () => {
    for (const text of replies("any advice for a beginner?"))
      expect(text).not.toMatch(/advice on a beginner/);
    for (const text of replies("any advice on home?")) expect(text).not.toMatch(/advice on home/);
  });

  it("gives tips that fit a first date and making friends", () => {
    for (const text of replies("any advice for a first date?"))
      expect(text).toMatch(/talk|listen|on time|phone/);
    for (const text of replies("how do I make friends in a new city?"))
      expect(text).toMatch(/class|club|coffee|invitations/);
  });
});

describe("the offline engine on practical how-tos", () => {
  it("says honestly it cannot walk the person through a repair or a setup, naming it", () => {
    for (const [asked, named] of [
      ["How can I install Linux on my laptop?", "installing Linux on your laptop"],
      ["how to unclog a sink", "unclogging a sink"],
    ] as const)
      for (const text of replies(asked)) {
        expect(text, asked).toContain(`no expert at ${named}`);
        expect(text, asked).not.toMatch(generic);
      }
  });

  it("gives the steps it knows for a common repair, saying it is no expert", () => {
    for (const text of replies("how do I fix a flat bike tire?")) {
      expect(text).toMatch(/no expert|only know a little/);
      expect(text).toMatch(/tyre|tube/);
    }
  });

  it("still gives advice on getting better at something", () => {
    for (const text of replies("how do I get better at public speaking?")) expect(text).toMatch(/My advice/);
  });

  it("answers 'what should I do?' about what the person just told, not with its own evening", async () => {
    const [, exam] = await askAgent([
      "i have an exam tmrw and i havent studied at all lmao",
      "what should i do",
    ]);
    expect(exam).toMatch(/test yourself|sleep/i);
    const [, , fight] = await askAgent([
      "my girlfriend and I had a huge fight yesterday",
      "she thinks I work too much",
      "what do you think I should do?",
    ]);
    expect(fight).toMatch(/calm|feel/i);
    expect(fight).not.toMatch(generic);
    const [, , move] = await askAgent([
      "I just got promoted at work!!!",
      "but it means moving to Paris and leaving my friends",
      "what would you do?",
    ]);
    expect(move).toMatch(/gain|miss/i);
    const [, roommate] = await askAgent([
      "my roommate keeps eating my food, so annoying",
      "what should I say to him?",
    ]);
    expect(roommate).not.toMatch(/want to say to him/);
    const [, present] = await askAgent(["my mom is turning 60 next week 🎉", "what should I plan for her?"]);
    expect(present).toMatch(/dinner|memory/i);
    const [, , , , , later] = await askAgent([
      "my little brother just got his driving licence!!",
      "so proud of him",
      "how old is he again?",
      "he's 18",
      "so how old is he?",
      "what should I get him as a present?",
    ]);
    expect(later).toMatch(/keyring|playlist|passenger/i);
  });
});

describe("advice about a child's new start", () => {
  it("is about goodbyes, nerves and pick-up, for the child the person spoke of", async () => {
    const [, , anyAdvice] = await askAgent([
      "hi",
      "my son started kindergarten and he cries every morning",
      "any advice?",
    ]);
    expect(anyAdvice).toMatch(/goodbye short/);
    const [, , settle] = await askAgent([
      "hi",
      "my son Felix just started kindergarten and he cries every morning",
      "how do i help him settle in?",
    ]);
    expect(settle).toMatch(/settle in/);
    expect(settle).toMatch(/goodbyes? short|predictable|feels like home/);
    expect(settle).not.toMatch(/\bthem\b|Start small/);
    const [, , tell] = await askAgent([
      "hi",
      "my daughter has her first day at a new school tomorrow and she's nervous",
      "what should i tell her?",
    ]);
    expect(tell).toMatch(/tell her it's normal to be nervous/i);
    expect(tell).not.toMatch(/cool down/);
  });
});

describe("whether the person could ever learn something", () => {
  it("gets a yes and a way to begin, not “I'd have to look it up”", async () => {
    const [, tango, code] = await askAgent([
      "hi",
      "I have two left feet haha. could I ever learn tango?",
      "can I learn to code at 40?",
    ]);
    expect(tango).toMatch(/Of course you could — everyone starts with two left feet/);
    expect(code).toMatch(/Of course you can/);
    for (const reply of [tango, code]) expect(reply).not.toMatch(/not sure|look it up|search/);
  });
});
