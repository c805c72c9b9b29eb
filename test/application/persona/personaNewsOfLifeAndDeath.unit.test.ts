import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a death told with a name or about someone not family", () => {
  it("is read as a loss: a pet by its name, a patient, a neighbour; a phone that died is not", () => {
    for (const said of [
      "my dog Biscuit died last week",
      "i had a really rough shift, a patient died",
      "our old cat Miso just died",
      "the man next door died yesterday",
    ])
      expect(readMessage(said).loss, said).toBe(true);
    // A thing that stops working is no loss.
    for (const said of [
      "my phone died lol",
      "my laptop battery died in the meeting",
      "the car died on the motorway",
    ])
      expect(readMessage(said).loss, said).toBe(false);
  });

  it("is met with condolence, never with the pet as happy news", async () => {
    const [pet, patient] = [
      (await askAgent(["my dog Biscuit died last week"]))[0]!,
      (await askAgent(["i had a really rough shift, a patient died"]))[0]!,
    ];
    for (const reply of [pet, patient]) {
      expect(reply).toMatch(/sorry/i);
      expect(reply).not.toMatch(/how lovely|annoying|what are they like|lucky|not again/i);
    }
  });
});

describe("what the person says after telling of a loss", () => {
  it("is not asked what happened: that is known", async () => {
    const replies = await askAgent(["my dog Biscuit died last week", "thanks, i miss him a lot"]);
    expect(replies[1]).not.toMatch(/What happened\?/);
    expect(replies[1]).toMatch(/What was he like\?|Tell me about him/);
  });
});

describe("a baby on the way", () => {
  it("is glad news, not health news to be sober about", async () => {
    for (const said of ["my wife is pregnant with our first", "we're having a baby girl in March"]) {
      expect(readMessage(said).feeling, said).toBe("good");
      expect(readMessage(said).health, said).toBe(false);
    }
    const [reply] = await askAgent(["my wife is pregnant with our first"]);
    expect(reply).toMatch(/wonderful|congrat|so happy|brilliant|lovely|tell me everything|look at you/i);
  });
});
