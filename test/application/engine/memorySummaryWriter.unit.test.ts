import { describe, expect, it } from "vitest";
import { ruleSummaryWriter, summarizeByRules } from "../../../src/application/engine/memorySummaryWriter.ts";

describe("the offline summary writer", () => {
  it("keeps nothing said about the agent as a fact about the person", async () => {
    const lines = [
      { author: "person" as const, text: "I love talking to Mia" },
      { author: "agent" as const, text: "Aw, me too." },
      { author: "person" as const, text: "My sister is called Ana." },
    ];
    const names = { personName: "Sam", agentName: "Mia" };
    expect(summarizeByRules(lines, names).facts).toEqual(["Sam's sister is called Ana"]);
    expect((await ruleSummaryWriter.summarize(lines, names)).facts).toEqual(["Sam's sister is called Ana"]);
  });
});
