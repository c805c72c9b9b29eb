import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("asked how it is, the offline companion says it in a sentence that reads", () => {
  it('never stacks a strength word on a phrase that has its own ("I\'m a little pretty good")', () => {
    for (const name of MOODS)
      for (const intensity of [0.1, 0.5, 0.9]) {
        const context = buildReplyPrompt(
          miaInput({
            personName: "Alex",
            memories: [],
            personMessage: "How are you?",
            mood: { name, intensity } as never,
          }),
        ).context;
        for (let seed = 0; seed < 12; seed++) {
          const text = composeReply(context, seed);
          expect(text, `${name} ${intensity}`).not.toMatch(
            /\b(?:a little|really) (?:a |an |in |honestly|pretty|really|very|fine|okay|happy you|good, |great, |calm, |peaceful, |warm and)/i,
          );
        }
      }
  });
});

describe("how the agent is, asked with a time or a 'u'", () => {
  it("answers the state asked, not with its pastimes", async () => {
    const replies = await askAgent(["are you tired today?", "r u happy with ur life?"]);
    expect(replies[0]).toMatch(/^(?:A little, yes|Not really|Not yet)/);
    expect(replies[1]).toMatch(/^I'm /);
    expect(replies[1]).not.toMatch(/keep thinking about/);
  });
});
