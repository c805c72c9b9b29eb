import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("'what should I have done?' after a mishap", () => {
  it("says what would have helped with the mishap told, and what helps next time", async () => {
    const replies = await askAgent(["i locked myself out of my car today lol", "what should i have done?"]);
    expect(replies[1]).toMatch(/locksmith|roadside/i);
    expect(replies[1]).toMatch(/spare key/i);
    expect(replies[1]).not.toMatch(/search|not sure/i);
    const birthday = await askAgent(["i forgot my mum's birthday last year", "what should i have done?"]);
    expect(birthday[1]).toMatch(/apology/);
  });

  it("speaks as the trade when the advice would send the person to someone of the agent's own", async () => {
    const locksmith = { ...soundEngineer, occupation: "locksmith" };
    const [, reply] = await askAgent(
      ["i locked myself out of my car today lol", "what should i have done?"],
      locksmith,
    );
    expect(reply).toMatch(/as a locksmith/);
    expect(reply).not.toMatch(/call a locksmith/i);
  });

  it("answers in hindsight even for a mishap it has no advice for", async () => {
    const replies = await askAgent(["my presentation went badly", "what should I have done?"]);
    expect(replies[1]).toMatch(/next time/i);
    expect(replies[1]).not.toMatch(/search|not sure|look it up/i);
  });
});
