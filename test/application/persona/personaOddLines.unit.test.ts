import { describe, expect, it } from "vitest";
import { answerOddLine } from "../../../src/application/persona/personaOddLines.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("lines that are not quite words, or are about the talk itself", () => {
  it("get the one kind of answer each asks for", async () => {
    const replies = await askAgent(["hi", "asdfgh", "?", "...", "brb", "k back", "do you actually care?"]);
    expect(replies[1]).toMatch(/keyboard|Huh/);
    expect(replies[2]).toMatch(/I'm here/);
    expect(replies[3]).toMatch(/quiet|okay\?/);
    expect(replies[4]).toMatch(/I'll be here/);
    expect(replies[5]).toMatch(/Welcome back/);
    expect(replies[6]).toMatch(/^I do\b/);
  });

  it("leave real words and other questions alone", () => {
    for (const text of [
      "hello",
      "strength",
      "why?",
      "back to work tomorrow",
      "do you care about football?",
      "I care a lot",
      "are you listening to jazz?",
      "do you ever have a day off?",
    ])
      expect(answerOddLine(text), text).toBeNull();
  });

  it("hear 'are you even listening?' and 'do you ever have days like that?' as asking to be heard", async () => {
    const replies = await askAgent([
      "hey",
      "yeah it was a lot. do you ever have days like that?",
      "are you even listening to me",
    ]);
    expect(replies[1]).toMatch(/all the time/);
    expect(replies[2]).toMatch(/I am, I promise/);
    expect(replies[2]).not.toMatch(/jazz|records/);
  });
});

describe("the offline engine when the person waves something off", () => {
  it("stands up for its own love in good humour, and lets the person's other dislikes be", async () => {
    const [punk] = await askAgent(["whatever, punk is just noise"], {
      ...soundEngineer,
      interests: ["punk", "bass guitar", "cycling"],
    });
    expect(punk).toMatch(/punk/);
    expect(punk).toMatch(/instead\?/);
    const [chess] = await askAgent(["Whatever, chess is dumb"], {
      ...soundEngineer,
      interests: ["chess", "piano"],
    });
    expect(chess).toMatch(/love chess|my chess/);
    const [golf] = await askAgent(["golf is so boring"]);
    expect(golf).toMatch(/not for everyone|won't argue/);
    const [reported] = await askAgent(["my buddy Raj said elden ring is overrated"]);
    expect(reported).not.toMatch(/won't argue|not for everyone/);
  });
});
