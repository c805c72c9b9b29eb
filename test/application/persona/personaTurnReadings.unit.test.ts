import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("'anything on…?' asked by a person who has told of a plan", () => {
  it("is answered from the appointment they told of", async () => {
    const replies = await askAgent(["podiatrist at quarter past two", "so anything on this afternoon?"]);
    expect(replies[1]).toMatch(/podiatrist appointment at quarter past two/);
  });

  it("is answered from the journey they told of", async () => {
    const replies = await askAgent(["my ferry is at 7:10", "what's on later?"]);
    expect(replies[1]).toMatch(/ferry is at 7:10/);
  });

  it("asks about the agent's day when the person has told of no plan", async () => {
    const [reply] = await askAgent(["anything on tonight?"]);
    expect(reply).not.toMatch(/remember|remind me/i);
  });
});
