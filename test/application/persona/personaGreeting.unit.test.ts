import { describe, expect, it } from "vitest";
import { personaGreeting } from "../../../src/application/persona/personaGreeting.ts";
import { isAsleep, rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";
import { createAgent } from "../../domain/agent/fixtures.ts";

const { traits, interests } = createAgent.persona;
const persona = {
  ...createAgent.persona,
  traits: [...traits],
  interests: [...interests],
  selfDescribesAsAI: false,
};
const identity = { ...createAgent.identity, occupation: "student", hemisphere: "north" as const };
const greetAt = (now: string, seed: string) =>
  personaGreeting({ name: "Noa", persona, identity, personName: "Ana", seed, now });
const seeds = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"];

describe("the greeting that opens a conversation fits the agent's own clock", () => {
  it("does not wish a cheerful good morning while the agent is still asleep before its usual hour", () => {
    // 05:48 in Lisbon, before a student's usual wake time.
    const early = "2025-03-03T05:48:00.000Z";
    expect(isAsleep(rhythmFor(identity.occupation, persona.summary), 5 * 60 + 48)).toBe(true);
    for (const seed of seeds) {
      const greeting = greetAt(early, seed);
      expect(greeting).not.toMatch(/good morning|^morning|on my mind all day|how's your day/i);
      expect(greeting).toMatch(/awake|properly up|early/i);
    }
  });

  it("says it was dozing off at night, and greets as usual once up", () => {
    for (const seed of seeds) {
      expect(greetAt("2025-03-03T02:30:00.000Z", seed)).toMatch(/up late|dozing|middle of the night/i);
      expect(greetAt("2025-03-03T10:00:00.000Z", seed)).toMatch(/morning, Ana!/i);
    }
  });
});
