import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the person says the agent got something wrong", () => {
  it("owns it with no reaction before it, and offers another go; a bad day that 'makes no sense' is not about the agent", async () => {
    const cases: [string, RegExp][] = [
      ["that's not what I said", /^(?:Sorry|Ah, sorry|My mistake)/],
      ["you already said that", /^(?:You're right|Fair, I'm repeating)/],
      ["your last answer was kind of weird", /^(?:Fair|You're right|Sorry)/],
      ["you don't understand me", /^I'm sorry/],
      ["wrong, I said Tuesday", /Tuesday/],
      ["never mind", /^(?:No worries|Okay, no pressure)/],
    ];
    for (const [said, owned] of cases) {
      const [reply] = await askAgent([said]);
      expect(reply, said).toMatch(owned);
      expect(reply, said).not.toMatch(/°C|Have you ever tried|sounds really hard/);
    }
    const [fired] = await askAgent(["I got fired and it doesn't make sense"]);
    expect(fired).not.toMatch(/came out wrong|good answer|missed the mark/);
  });

  it("says its last line again, more plainly, to a 'what?'; a second 'ok' is not met with the first one's words", async () => {
    const [asked, what, huh] = await askAgent(["what are you doing tonight?", "what?", "huh?"]);
    const longest = asked!.split(/(?<=[.!?])\s+/).reduce((a, b) => (b.length > a.length ? b : a));
    expect(what).toMatch(/^Sorry/);
    expect(what!.toLowerCase()).toContain(
      longest.replace(/\s*\p{Extended_Pictographic}+$/u, "").toLowerCase(),
    );
    expect(huh).not.toMatch(/I meant: i meant/i);
    const [, first, second] = await askAgent(["hi", "ok", "ok"]);
    expect(second).not.toBe(first);
  });

  it("says a kind word it has said already in other words", async () => {
    for (const [kind, again] of [
      ["you're really sweet", "you're so sweet"],
      ["you're funny", "haha you're hilarious"],
    ]) {
      const [first, second] = await askAgent([kind!, again!]);
      expect(second!.split(".")[0], again).not.toBe(first!.split(".")[0]);
    }
  });
});
