import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the agent's last weekend", () => {
  it("is told in the past, day by day, the same when asked again", async () => {
    expect(readMessage("what did you do last weekend?").question).toBe("day");
    const [, first, , again] = await askAgent([
      "hey",
      "what did you do last weekend?",
      "cool",
      "so what did you get up to at the weekend?",
    ]);
    expect(first).toMatch(/^On Saturday I (?:made time for vinyl|worked)[^.]*\. Sunday /);
    const saturday = (reply: string) => reply.split(". ")[0];
    expect(saturday(again!)).toBe(saturday(first!));
  });

  it("says it worked on Saturday when its occupation works Saturdays", async () => {
    const bartender = { ...soundEngineer, occupation: "bartender", summary: "A bartender at a busy bar." };
    const [reply] = await askAgent(["what did you do on saturday?"], bartender);
    expect(reply).toMatch(/^On Saturday I worked/);
  });
});
