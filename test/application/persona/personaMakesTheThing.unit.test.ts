import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("an ask for something made: a text, a speech, a dinner idea, a secret", () => {
  it("writes the text itself, to the person by the name they gave", async () => {
    const replies = await askAgent([
      "my sister Anja is visiting on Tuesday",
      "help me write a text to my sister",
    ]);
    expect(replies[1]).toMatch(/"Hey Anja! [^"]+"/);
    expect(replies[1]).not.toMatch(/where you're stuck/);
  });

  it("opens the speech for the one getting married", async () => {
    const replies = await askAgent([
      "my brother Luis is getting married in June",
      "I'm the best man and I have to give a speech",
      "help me start the speech",
    ]);
    expect(replies[2]).toMatch(/"Good evening, everyone — I'm Sam, and I've known Luis/);
  });

  it("gives a dinner idea, without meat for someone who said they eat none", async () => {
    const [idea] = await askAgent(["give me a recipe idea for dinner"]);
    expect(idea).toMatch(/^Okay, here's one: \w/);
    const replies = await askAgent(["i'm vegetarian", "any dinner ideas?"]);
    expect(replies[1]).toMatch(/^Okay, here's one:/);
    expect(replies[1]).not.toMatch(/chicken|beef/);
  });

  it("tells a little secret when asked for something nobody knows", async () => {
    const [secret] = await askAgent(["tell me something about you nobody knows"]);
    expect(secret).toMatch(/^Okay, a secret: I/);
  });
});

describe("an opinion on a plural thing", () => {
  it("agrees in number: comic books are, pineapple on pizza is", async () => {
    const replies = await askAgent([
      "what do you think of comic books?",
      "what do you think of pineapple on pizza?",
    ]);
    expect(replies[0]).toMatch(/comic books are\b/);
    expect(replies[1]).not.toMatch(/pizza are\b/);
  });
});
