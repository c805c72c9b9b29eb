import { describe, expect, it } from "vitest";
import {
  type BudgetItem,
  contextDropOrder,
  estimateTokens,
  planBudget,
} from "../../../src/application/prompt/tokenBudget.ts";

const item = (kind: BudgetItem["kind"], key: string, tokens = 10): BudgetItem => ({ kind, key, tokens });

describe("token budget", () => {
  it("estimates about four Latin characters per token, more for other scripts", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcd".repeat(10))).toBe(10);
    expect(estimateTokens("日本語のテキスト")).toBeGreaterThan(estimateTokens("abcdefgh"));
  });

  it("counts a character outside the basic plane, or a broken half of one, as one character", () => {
    const byCharacter = (text: string) => {
      let ascii = 0;
      let other = 0;
      for (const char of text) char.charCodeAt(0) < 128 ? ascii++ : other++;
      return Math.ceil(ascii / 4 + other * 0.8);
    };
    for (const text of ["🙂 ok", "a🙂b🙂", "\uD83D", "x\uDE42y", "\uD83D\uD83D\uDE42", "é😀日本"])
      expect(estimateTokens(text), JSON.stringify(text)).toBe(byCharacter(text));
  });

  it("drops items in order until the total fits, and never the fixed part", () => {
    const order = [item("message", "m0"), item("memory", "k0"), item("message", "m1")];
    const plan = planBudget(100, order, 115);
    expect(plan.dropped.map((d) => d.key)).toEqual(["m0", "k0"]);
    expect([...plan.kept]).toEqual(["m1"]);
    expect(plan).toMatchObject({ totalTokens: 110, overBudget: false });
    expect(planBudget(100, order, 200).dropped).toEqual([]);
    const hopeless = planBudget(300, order, 200);
    expect(hopeless.kept.size).toBe(0);
    expect(hopeless.overBudget).toBe(true);
  });

  it("lets old messages and weak memories go first, the recent tail and best memories last", () => {
    const messages = Array.from({ length: 8 }, (_, i) => item("message", `m${i}`));
    const memories = [0.9, 0.1, 0.5, 0.7, 0.3].map((score, i) => ({ key: `k${i}`, tokens: 10, score }));
    const lifeEvents = [item("lifeEvent", "e0"), item("lifeEvent", "e1")];
    const scenarios = [item("scenario", "s0")];
    const order = contextDropOrder({ messages, memories, lifeEvents, scenarios }).map((i) => i.key);
    expect(order).toEqual([
      "m0",
      "m1",
      "k1",
      "k4",
      "e0",
      "m2",
      "m3",
      "m4",
      "m5",
      "m6",
      "m7",
      "k2",
      "k3",
      "k0",
      "e1",
      "s0",
    ]);
  });
});
