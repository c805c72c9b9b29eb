import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the offline engine on questions about what the person told it", () => {
  it("does not answer 'what do I do?' with a fact about the person's boss", async () => {
    const [, job, work] = await askAgent([
      "my boss is called Greg and he's awful",
      "what do I do?",
      "what's my job?",
    ]);
    for (const reply of [job, work]) expect(reply).not.toMatch(/Greg|your boss/);
  });

  it("still answers 'what do I do?' from the person's work, and their sister's news when asked", async () => {
    const [, , job, , sister] = await askAgent([
      "I work as a nurse",
      "my boss is called Greg and he's awful",
      "what do I do?",
      "my sister Anna is getting married in June",
      "do you remember what I told you about my sister?",
    ]);
    expect(job).toMatch(/nurse/);
    expect(sister).toMatch(/Anna is getting married in June/);
  });

  it("answers two questions about the person's life in one message, each in the order asked", async () => {
    const [, , both] = await askAgent([
      "my dog is called Rex",
      "I work as a nurse",
      "What is my pet called? And what is my job?",
    ]);
    expect(both).toMatch(/Rex.*nurse/s);
  });

  it("does not answer a question about the person's tastes with the name they like to be called", async () => {
    const [, , food, colour] = await askAgent([
      "Hi! My name is Dana and I live in Porto.",
      "I work as a nurse",
      "What's my favourite food?",
      "what's my favourite colour?",
    ]);
    for (const reply of [food, colour]) expect(reply).not.toMatch(/called Dana/);
  });
});
