import { describe, expect, it } from "vitest";
import { twoQuestionsOf } from "../../../src/application/persona/personaSecondQuestion.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a message that asks two things", () => {
  it("is split into its two questions when they ask different things", () => {
    expect(twoQuestionsOf("hey how are you? what are you doing tonight?")).toEqual([
      "hey how are you?",
      "what are you doing tonight?",
    ]);
    expect(twoQuestionsOf("where do you live and do you like it there?")).toEqual([
      "where do you live",
      "do you like it there?",
    ]);
    expect(twoQuestionsOf("how old are you and where are you from?")?.[1]).toBe("where are you from?");
    // One question, or a second about "it" that the first answer goes on to answer.
    expect(twoQuestionsOf("what do you do for work?")).toBeNull();
    expect(twoQuestionsOf("what's your job? do you like it?")).toBeNull();
  });

  it("gets both answered, the first first", async () => {
    const replies = await askAgent([
      "hi",
      "how old are you and where are you from?",
      "where do you live and do you like it there?",
    ]);
    expect(replies[1]).toMatch(/Old enough|I'm \d+/);
    expect(replies[1]).toMatch(/Porto/);
    expect(replies[2]).toMatch(/Lisbon/);
    expect(replies[2]).toMatch(/\b(?:yes|I do|love|not really)\b/i);
  });

  it("answers a second question about its day that has no “you” in it", async () => {
    expect(twoQuestionsOf("what did you have for breakfast and what's the plan for today")?.[1]).toBe(
      "what's the plan for today",
    );
    const [, reply] = await askAgent(["hi", "what did you have for breakfast and whats the plan for today"]);
    expect(reply).toMatch(/\b(?:I had|Breakfast was)\b/);
    expect(reply).toMatch(/\b(?:today|later|tonight|this (?:afternoon|evening))\b/i);
  });
});

describe("the second question's answer fits the first", () => {
  it("loves the city it lives in when asked whether it likes it there", async () => {
    for (let n = 0; n < 4; n++) {
      const [, reply] = await askAgent(["hi", "where do you live and do you like it there?"]);
      expect(reply).toMatch(/Lisbon/);
      expect(reply).toMatch(/I love it here|I really do love Lisbon/);
      expect(reply).not.toMatch(/not my thing|Not really/);
    }
  });
});

describe("a busy agent asked two things", () => {
  it("answers both in the first reply of the busy stretch, before saying why it is short", async () => {
    for (const startsAt of ["2025-03-10T14:00:00Z", "2025-03-11T10:30:00Z", "2025-03-12T15:00:00Z"]) {
      const [reply] = await askAgent(["hey how are you? what are you doing tonight?"], undefined, startsAt);
      expect(reply).toMatch(/\b(?:good|fine|okay|great|settled|tired|well)\b/i);
      expect(reply).toMatch(/\btonight\b|\bthis evening\b|\blater\b|after work/i);
    }
  });
});

describe("each of two questions joined by 'and'", () => {
  it("is answered from its own words, not steered by the other's", async () => {
    // Busy (14:00) and free (20:00): "what do you do after?" asks about its evenings, not its job.
    for (const startsAt of ["2025-03-10T14:00:00Z", "2025-03-10T20:00:00Z"]) {
      const [, reply] = await askAgent(
        ["hi", "what's your favourite sunset spot and what do you do after?"],
        undefined,
        startsAt,
      );
      expect(reply).toMatch(/sunset|riverside|viewpoint|beach|rooftop/i);
      expect(reply).toMatch(/vinyl|surfing|fado/i);
      expect(reply).not.toMatch(/sound engineer/);
    }
  });

  it("splits a second question about 'it' that asks something of its own", async () => {
    expect(twoQuestionsOf("do you like your job and would you ever change it?")).toEqual([
      "do you like your job",
      "would you ever change it?",
    ]);
    expect(twoQuestionsOf("what's your job? is it fun?")).toBeNull();
    const [, reply] = await askAgent(["hi", "do you like your job and would you ever change it?"]);
    expect(reply!.split(/[.!?]\s/).length, reply).toBeGreaterThanOrEqual(2);
    expect(reply).toMatch(/\b(?:one day|change|maybe|never|think about it|not sure)\b/i);
  });

  it("knows a place of its story typed without the capital", async () => {
    const [, reply] = await askAgent([
      "hi",
      "what's your favourite thing about lisbon and do you ever miss porto?",
    ]);
    expect(reply).toMatch(/Porto/);
    expect(reply).toMatch(/Lisbon/);
  });
});

describe("a short second question with no subject of its own", () => {
  it("goes on from the first rather than being asked apart", () => {
    expect(twoQuestionsOf("Do you like music? What kind?")).toBeNull();
    expect(twoQuestionsOf("do you have a favourite film? which one?")).toBeNull();
  });
});
