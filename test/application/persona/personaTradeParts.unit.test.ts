import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const agentDoing = (occupation: string) => ({ ...soundEngineer, occupation });

describe("the offline engine on the hardest part of its own work, and why", () => {
  it("answers the hardest or best part asked in its work's own words", async () => {
    const cases: [string, string][] = [
      ["train driver", "whats the hardest part of driving a train?"],
      ["sheep farmer", "what's the worst thing about farming"],
      ["vet", "what's the toughest part of your job?"],
      ["librarian", "hardest bit about being a librarian?"],
    ];
    for (const [occupation, asked] of cases) {
      const [reply] = await askAgent([asked], agentDoing(occupation));
      expect(reply, asked).toMatch(/^The hardest part is /);
      expect(reply, asked).not.toMatch(/don't know|look it up/i);
    }
    const [best] = await askAgent(["best part of being a pilot?"], agentDoing("airline pilot"));
    expect(best).toMatch(/^The best part is /);
  });

  it("'why?' after it named the hardest part gives the reason for that part", async () => {
    for (const why of ["why?", "why's that", "how come?"]) {
      const [first, reason] = await askAgent(
        ["what's the hardest part of farming?", why],
        agentDoing("farmer"),
      );
      const part = /The hardest part is ([^—.]+)/.exec(first!)?.[1]?.trim() ?? "";
      expect(reason, why).toMatch(/^Because /);
      expect(reason, why).toContain(part);
      expect(reason, why).not.toMatch(/don't know|look it up|search/i);
    }
  });

  it("'why?' after it named a stretch of its day as the hardest gives a reason of that stretch", async () => {
    for (const [day, part, why] of [
      ["how was your shift today?", "what was the toughest bit?", "why's that"],
      ["how was work", "and the worst part?", "how come?"],
    ] as const) {
      const [, hardest, reason] = await askAgent([day, part, why], agentDoing("nurse"));
      expect(hardest, part).toMatch(/^The last hour was the /);
      expect(reason, why).toMatch(/^Because by the last hour/);
      expect(reason, why).not.toMatch(/no shortcut|skip it/);
    }
  });

  it("'why that one?' after a favourite typed without a question mark gives its reason", async () => {
    const [, reason] = await askAgent(["whats your favourite city", "haha why that one"]);
    expect(reason).toMatch(/^Because /);
  });

  it("'why?' after the best part of its day names that part briefly, not the whole clause again", async () => {
    for (const [day, part, why] of [
      ["how was your day?", "what was the best part of your day?", "why?"],
      ["how was work today", "and the nicest bit of the day?", "why's that"],
      ["how was your day", "and the best part?", "why??"],
    ] as const) {
      const [, best, reason] = await askAgent([day, part, why], agentDoing("potter"));
      expect(best, part).toMatch(/, when /);
      expect(reason, part).toMatch(/^Because /);
      expect(reason, part).not.toMatch(/, when |when it was all done/);
    }
  });

  it("'why?' keeps a part the clause picks out whole: not 'the days', but which days", async () => {
    const [first, reason] = await askAgent(
      ["what's the toughest part of your job?", "how come"],
      agentDoing("insurance broker"),
    );
    expect(first).toMatch(/^The hardest part is the days when /);
    expect(reason).toMatch(/^Because with the days when [a-z]/);
  });
});
