import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

/** Lines that treat the turn as news, or as no question at all. */
const notWeighed = /What happened\?|Tell me more|look it up|search/i;

describe("the offline engine on a dilemma the person is torn over", () => {
  it("weighs 'I don't know if I should quit' with them, tied to what they told just before", async () => {
    const [, unsure] = await askAgent([
      "my boss yelled at me in front of everyone",
      "yeah. I don't know if I should quit",
    ]);
    expect(unsure).not.toMatch(notWeighed);
    expect(unsure).toMatch(/your boss yelled at you in front of everyone/);
    expect(unsure).toMatch(/On one side, you could quit/);
    expect(unsure).toMatch(/what do you actually want\?/);
  });

  it("still ties it to what they told when a 'yeah' came in between", async () => {
    const [, , unsure] = await askAgent([
      "my manager cut my hours again",
      "yeah",
      "idk if I should look for another job",
    ]);
    expect(unsure).toMatch(/your manager cut your hours again/);
    expect(unsure).toMatch(/On one side, you could look for another job/);
  });

  it("weighs both sides of 'should I X or Y?'", async () => {
    const [, either, torn] = await askAgent([
      "my landlord raised the rent again",
      "should I move out or talk to him?",
      "I'm torn between staying and leaving",
    ]);
    expect(either).toMatch(/your landlord raised the rent again/);
    expect(either).toMatch(/you could move out, or you could talk to him/);
    expect(either).toMatch(/which one would you pick\?/);
    expect(torn).toMatch(/So it's staying or leaving/);
  });

  it("takes a partner's worry about the step told before as a view to weigh, and asks what they want", async () => {
    const [, doubt] = await askAgent(["I'm thinking of quitting my job", "my husband thinks it's too risky"]);
    expect(doubt).not.toMatch(notWeighed);
    expect(doubt).toMatch(/Your husband thinks quitting your job is too risky/);
    expect(doubt).toMatch(/what do you want/i);
  });
});
