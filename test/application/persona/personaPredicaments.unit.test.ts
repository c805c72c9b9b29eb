import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the offline engine helps with an everyday fix the person is in", () => {
  it("meets a lock-out with a spare key, a neighbour or a locksmith, however it is told", async () => {
    for (const said of [
      "I locked myself out of my flat",
      "ugh just locked myself out and its raining",
      "I can't get into my house, left the keys inside",
      "we locked ourselves out of the apartment lol",
    ]) {
      const [reply] = await askAgent([said]);
      expect(reply, said).toMatch(/spare key|locksmith|neighbour|landlord/i);
    }
  });

  it("a car lock-out gets roadside help, not a landlord", async () => {
    const [reply] = await askAgent(["my keys are locked in the car"]);
    expect(reply).toMatch(/roadside|locksmith/i);
    expect(reply).not.toMatch(/landlord/i);
  });

  it("'what do I do?' after it gets the next steps, and a failed step gets another", async () => {
    const [, next, failed] = await askAgent([
      "I locked myself out of my flat",
      "what do i do",
      "my flatmate isn't answering",
    ]);
    expect(next).toMatch(/window|back door|warm|dry|café/i);
    expect(failed).toMatch(/locksmith|spare|window|neighbour/i);
  });

  it("a lost wallet, a missed train and a phone in water each get their own first steps", async () => {
    const [wallet] = await askAgent(["I think I lost my wallet on the bus"]);
    expect(wallet).toMatch(/cancel|freeze|bank/i);
    const [train] = await askAgent(["I missed my last train home"]);
    expect(train).toMatch(/desk|app|next one|ticket/i);
    const [phone] = await askAgent(["my phone fell in the toilet"]);
    expect(phone).toMatch(/switch it off|dry/i);
  });

  it("'what do I do for a living?' is still a memory question, not a plea for help", async () => {
    const [, reply] = await askAgent(["I work as a nurse", "what do I do for a living?"]);
    expect(reply).toMatch(/nurse/i);
  });

  it("a busy reply still gives the first step, not only its lead", async () => {
    // 14:00 on a Monday: the agent is at work and answers briefly.
    const atWork = "2025-03-10T14:00:00Z";
    const [, told] = await askAgent(
      ["hey", "my van has just died on the ring road, help"],
      undefined,
      atWork,
    );
    expect(told).toMatch(/hazard lights|breakdown cover/i);
    const [, , asked] = await askAgent(
      ["hey", "I dropped my wallet somewhere", "what now?"],
      undefined,
      atWork,
    );
    expect(asked).toMatch(/freeze|cancel|retrace|police/i);
  });
});
