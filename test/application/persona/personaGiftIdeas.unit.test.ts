import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("gift ideas", () => {
  it("asks what she is into when asked what to get her, instead of planning a party", async () => {
    const replies = await askAgent(["my girlfriend Sara's birthday is on Friday", "what should I get her?"]);
    expect(replies[1]).toMatch(/What is she into\?/);
    expect(replies[1]).not.toMatch(/dinner with the people/);
  });

  it("takes 'she loves books' after it as the hint it is", async () => {
    const replies = await askAgent([
      "my girlfriend Sara's birthday is on Friday",
      "what should I get her?",
      "she loves books",
    ]);
    expect(replies[2]).toMatch(/^(?:Then build it around books|Perfect — books it is)/);
    // The same words with no gift asked about are news, not a hint.
    const news = await askAgent(["my sister is visiting", "she loves books"]);
    expect(news[1]).not.toMatch(/build it around|it is, then/);
  });
});
