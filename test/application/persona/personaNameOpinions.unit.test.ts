import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a name asked about", () => {
  it("gets a real opinion on the name, not the words of the question back", async () => {
    const replies = await askAgent([
      "we are having a girl in March",
      "what do you think about naming her Ama?",
    ]);
    expect(replies[1]).toMatch(/^(?:Ama — I love it|Oh, Ama is lovely|Ama\? I really like that)/);
    expect(replies[1]).not.toMatch(/naming her Ama is/);
  });

  it("gets names to choose from when asked to help pick one", async () => {
    const replies = await askAgent(["we are having a boy in May", "can you help me pick a name for him?"]);
    expect(replies[1]).toMatch(/My favourites: (?:Leo|Noah)/);
  });
});
