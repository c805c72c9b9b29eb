import { describe, expect, it } from "vitest";
import type { AppraisalInput } from "../../../src/application/appraisal/appraisalTypes.ts";
import { appraiseByRules } from "../../../src/application/appraisal/ruleBasedAppraisal.ts";

const exchange = (personMessage: string, overrides: Partial<AppraisalInput> = {}): AppraisalInput => ({
  personMessage,
  reply: "Oh, I love that! Tell me more about it, I want to hear everything about your week.",
  mood: { name: "calm", intensity: 0.4 },
  affinity: 20,
  now: "2025-05-02T18:30:00Z",
  previousMessageAt: "2025-05-02T18:00:00Z",
  ...overrides,
});

describe("rule-based appraisal", () => {
  it("warms to a compliment", () => {
    const appraisal = appraiseByRules(exchange("you're so sweet"));
    expect(appraisal.affinity).toMatchObject({ delta: 2, value: 22 });
    expect(appraisal.affinity.reason).toBe("A compliment.");
    expect(appraisal.mood.reason).toBe("Became joyful after a compliment.");
    expect(appraisal.mood).toMatchObject({ name: "joyful", intensity: 0.55 });
    expect(appraisal.source).toBe("rules");
  });

  it("counts gratitude, personal sharing and interest", () => {
    expect(appraiseByRules(exchange("thanks for listening")).affinity.delta).toBe(1);
    const sharing = appraiseByRules(exchange("my sister and I grew up by the sea"));
    expect(sharing.affinity).toMatchObject({ delta: 1, reason: "News of your life." });
    expect(sharing.mood.name).toBe("curious");
    const interest = appraiseByRules(exchange("how are you?"));
    expect(interest.affinity).toMatchObject({ delta: 1, reason: "Your interest in their day." });
    expect(interest.mood.reason).toBe("Stayed calm; your interest in their day was not enough to change it.");
  });

  it("cools at rudeness, ignoring the laugh that came with it", () => {
    const appraisal = appraiseByRules(exchange("lol you're so stupid"));
    expect(appraisal.affinity).toMatchObject({
      delta: -4,
      value: 16,
      reason: "Rudeness.",
    });
    expect(appraisal.mood.name).toBe("irritated");
  });

  it("never moves affinity more than five points in one exchange", () => {
    const flood =
      "thank you so much, you're amazing, I missed you ❤️ — can I tell you something? I've never told anyone";
    expect(appraiseByRules(exchange(flood)).affinity.delta).toBe(5);
    const abuse = "you're useless and boring, shut up, I hate you, loser";
    expect(appraiseByRules(exchange(abuse)).affinity.delta).toBeGreaterThanOrEqual(-5);
    const worst = appraiseByRules(exchange("stupid. k", { affinity: -98 }));
    expect(worst.affinity).toMatchObject({ value: -100, delta: -2 });
  });

  it("stays inside −100..100 and reports the change that really happened", () => {
    const top = appraiseByRules(exchange("I love talking to you, thank you", { affinity: 99 }));
    expect(top.affinity).toMatchObject({ value: 100, delta: 1 });
  });

  it("notices a brush-off after a long reply", () => {
    const appraisal = appraiseByRules(exchange("k"));
    expect(appraisal.affinity).toMatchObject({ delta: -1, reason: "A brush-off." });
    expect(appraiseByRules(exchange("k", { reply: "Ok!" })).affinity.delta).toBe(0);
  });

  it("feels a long silence", () => {
    const appraisal = appraiseByRules(exchange("hey", { previousMessageAt: "2025-04-20T18:00:00Z" }));
    expect(appraisal.affinity.delta).toBe(-1);
    expect(appraisal.affinity.reason).toBe("A return after 12 days of silence.");
    expect(appraisal.mood.name).toBe("melancholy");
  });

  it("mirrors sad and good news", () => {
    expect(appraiseByRules(exchange("I had a terrible day")).mood.name).toBe("melancholy");
    expect(appraiseByRules(exchange("I got the job!")).mood.name).toBe("joyful");
    expect(appraiseByRules(exchange("my grandpa passed away")).mood.name).toBe("melancholy");
    expect(appraiseByRules(exchange("I'm so nervous about tomorrow")).mood.name).toBe("anxious");
  });

  it("keeps a strong mood against a weak pull, and deepens the same mood", () => {
    const stays = appraiseByRules(exchange("how are you?", { mood: { name: "irritated", intensity: 0.9 } }));
    expect(stays.mood).toMatchObject({ name: "irritated", intensity: 0.85 });
    expect(stays.mood.reason).toContain("was not enough to change it");
    const deeper = appraiseByRules(exchange("haha", { mood: { name: "playful", intensity: 0.5 } }));
    expect(deeper.mood).toMatchObject({ name: "playful", intensity: 0.68 });
  });

  it("lets the mood settle on an ordinary message, back to the baseline once faded", () => {
    const settle = appraiseByRules(exchange("ok, see above", { mood: { name: "joyful", intensity: 0.6 } }));
    expect(settle).toMatchObject({ mood: { name: "joyful", intensity: 0.55 }, affinity: { delta: 0 } });
    expect(settle.affinity.reason).toBe("An ordinary exchange.");
    const faded = appraiseByRules(
      exchange("noted", { mood: { name: "anxious", intensity: 0.22 }, baselineMood: "content" }),
    );
    expect(faded.mood).toMatchObject({ name: "content", intensity: 0.4 });
  });

  it("rejects input outside the bounds", () => {
    expect(() => appraiseByRules(exchange("hi", { affinity: 140 }))).toThrow();
  });
});
