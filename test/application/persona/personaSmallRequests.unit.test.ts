import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("small things asked of the agent", () => {
  it("are done, not only agreed to", async () => {
    const replies = await askAgent([
      "hi",
      "give me a fun fact",
      "can you help me pick a name for my plant?",
      "write me a short poem",
      "motivate me to go to the gym",
    ]);
    expect(replies[1]).toMatch(/fun fact: \w+/);
    expect(replies[2]).toMatch(/what about [A-Z]/);
    expect(replies[3]).toMatch(/a tiny one — .*Lisbon/);
    expect(replies[4]).toMatch(/out the door|glad you went/);
    for (const reply of replies.slice(1))
      expect(reply).not.toMatch(/Sure, I can do that|Of course I'll help|tell me everything later/);
  });

  it("fits the push to what it is for", async () => {
    const [, study] = await askAgent(["hi", "motivate me to study for my exam"]);
    expect(study).toMatch(/start small/);
    expect(study).not.toMatch(/shoes on|glad you went/);
  });
});
