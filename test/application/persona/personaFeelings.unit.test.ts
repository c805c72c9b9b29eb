import { describe, expect, it } from "vitest";
import { mistreated } from "../../../src/application/persona/personaFeelings.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("being treated badly at work", () => {
  it("reads a boss who made the person stay late as a bad turn, not news of the boss", async () => {
    for (const told of [
      "my boss made me stay late again",
      "they made me work through lunch",
      "she blamed me for the mistake",
    ]) {
      expect(mistreated.test(told), told).toBe(true);
      expect(readMessage(told).feeling, told).toBe("bad");
    }
    const [, reply] = await askAgent(["hey", "my boss made me stay late again"]);
    expect(reply).toMatch(/sorry|awful|not okay/i);
    expect(reply).not.toMatch(/Is your boss okay/);
  });
});
