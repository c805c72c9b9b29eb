import { afterEach, describe, expect, it } from "vitest";
import { RuleSummaryThread } from "../../../src/adapters/local/ruleSummaryThread.ts";
import {
  type SummaryLine,
  summarizeByRules,
  summarizeByRulesInTurns,
} from "../../../src/application/engine/memorySummaryWriter.ts";

const LINES: SummaryLine[] = [
  { author: "person", text: "I moved to Porto with my sister Ana last spring." },
  { author: "agent", text: "Porto is lovely this time of year." },
  { author: "person", text: "I love baking bread on Sundays, and my dog Biscuit watches." },
  { author: "person", text: "How is the night going?" },
];

const SAM = { personName: "Sam", agentName: "Mia" };

describe("RuleSummaryThread", () => {
  let thread: RuleSummaryThread | null = null;
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });

  it("writes on its thread the summary the rules write here", async () => {
    thread = new RuleSummaryThread();
    const expected = summarizeByRules(LINES, SAM);
    expect(expected.facts.length).toBeGreaterThan(0);
    expect(await thread.summarize(LINES, SAM)).toEqual(expected);
    expect(await thread.summarize(LINES.slice(2), SAM)).toEqual(summarizeByRules(LINES.slice(2), SAM));
  });

  it("starts its thread again after it was stopped", async () => {
    thread = new RuleSummaryThread();
    await thread.summarize(LINES, SAM);
    await thread.close();
    expect(await thread.summarize(LINES, SAM)).toEqual(summarizeByRules(LINES, SAM));
  });
});

describe("summarizeByRulesInTurns", () => {
  it("writes what summarizeByRules writes, a message at a time", async () => {
    expect(await summarizeByRulesInTurns(LINES, SAM)).toEqual(summarizeByRules(LINES, SAM));
  });
});
