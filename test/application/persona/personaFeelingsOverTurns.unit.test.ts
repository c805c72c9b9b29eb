import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("feelings over several turns", () => {
  it("meets a new trouble told as the next of a run as the day piling up", async () => {
    const replies = await askAgent([
      "i am so stressed, my landlord is kicking me out",
      "plus my phone screen just cracked",
    ]);
    expect(replies[1]).toMatch(/on top of everything/i);
  });

  it("does not call a first trouble, or one after good news, a pile-up", async () => {
    const [first] = await askAgent(["now my laptop died"]);
    expect(first).not.toMatch(/on top of everything/i);
    const [, afterGood] = await askAgent(["i got a promotion today!", "now my laptop died"]);
    expect(afterGood).not.toMatch(/on top of everything/i);
  });

  it("takes a sorry said with a low moment as an apology, and asks about the low moment", async () => {
    const [reply] = await askAgent(["sorry, rough day"]);
    expect(reply).toMatch(/worry|no need|it's okay/i);
    expect(reply).toMatch(/rough one/);
  });

  it("says sorry to someone treated unfairly, and owns to being lonely when asked", async () => {
    const replies = await askAgent(["my coworker blamed me for her mistake", "don't you get lonely?"]);
    expect(replies.join(" ")).toMatch(/lonely/i);
  });

  it('reads "I should sleep" as a goodbye and "slept ok?" without a "you" as asked of it', async () => {
    const [bye] = await askAgent(["i should sleep now, see ya"], undefined, "2025-03-10T22:00:00Z");
    expect(bye).toMatch(/night|sleep well|take care|talk soon/i);
    const [morning] = await askAgent(["hello! slept ok?"], undefined, "2025-03-08T10:30:00Z");
    expect(morning).toMatch(/\bslept\b/);
    expect(morning).not.toMatch(/don't know/i);
  });

  it('recalls news told with "wish me luck" without the wish', async () => {
    const replies = await askAgent(["my audition is on friday, wish me luck", "when's my audition?"]);
    expect(replies[1]).toMatch(/friday/i);
    expect(replies[1]).not.toMatch(/wish (?:you|me) luck/i);
  });
});
