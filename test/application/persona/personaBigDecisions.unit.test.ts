import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

/** Lines of the agent's own day, which do not answer a step the person is weighing. */
const elsewhere =
  /Right now it's mostly|Work today|keeps me on my toes|No idea|look it up|Have you ever tried/i;

describe("the offline engine on big decisions the person is weighing", () => {
  it("takes a move, a late return to study and an offer that costs something seriously", async () => {
    const [berlin, study, offer] = await askAgent([
      "I'm thinking of moving to Berlin",
      "I'm thinking of going back to university at 40. is that crazy?",
      "i got a job offer in Tokyo but it means leaving my family. what should i do",
    ]);
    expect(berlin).toMatch(/Moving to Berlin — that's a big step/);
    expect(study).toMatch(/Not crazy at all/);
    expect(offer).toMatch(/taking the job in Tokyo on one side, and leaving your family on the other/);
    for (const reply of [berlin, study, offer]) expect(reply).not.toMatch(elsewhere);
  });

  it("meets half a joke with half a joke, and gives its view when asked what it thinks", async () => {
    const [joke, , , view] = await askAgent([
      "should I move to the mountains too haha",
      "I'm thinking of going back to university",
      "my husband isn't sure",
      "what do you think?",
    ]);
    expect(joke).toMatch(/half joking/i);
    expect(view).toMatch(/^Honestly\? If it keeps coming back to you/);
  });

  it("meets a partner's doubt about the step as their view, not as news to ask more about", async () => {
    const [, doubt] = await askAgent(["I'm thinking of going back to university", "my husband isn't sure"]);
    expect(doubt).toMatch(/what your husband thinks — but in the end it's your call/);
  });

  it("advises on a boss who yelled, and says what then when asked 'and if he denies it?'", async () => {
    const [, yelled, , credit, ifDenied] = await askAgent([
      "my boss yelled at me in front of everyone today",
      "what would you do?",
      "my colleague took credit for my work AGAIN",
      "what should I do?",
      "and if he denies it?",
    ]);
    expect(yelled).toMatch(/write down what happened/i);
    expect(credit).toMatch(/write down what happened/i);
    expect(ifDenied).toMatch(/^Then you'll have said it calmly/);
  });

  it("still answers 'what should I say to him?' with what to say, not as a step to take", async () => {
    const [, say] = await askAgent(["my best friend is upset with me", "what should I say to him?"]);
    expect(say).not.toMatch(/What's making you want to/);
    expect(say).toMatch(/calm|feel/);
  });
});
