import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("'when is the baby due?'", () => {
  it("answers with the time told with the baby", async () => {
    const replies = await askAgent([
      "my wife is pregnant with our first",
      "we are having a girl in March",
      "how was your day?",
      "when is the baby due?",
    ]);
    expect(replies[3]).toMatch(/^In March — that's what you told me/);
  });

  it("asks back when no time was told, instead of offering to look it up", async () => {
    const replies = await askAgent(["my wife is pregnant with our first", "when is she due?"]);
    expect(replies[1]).toMatch(/Remind me\?/);
    expect(replies[1]).not.toMatch(/look it up|search/);
  });
});
