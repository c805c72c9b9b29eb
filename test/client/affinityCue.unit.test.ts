import { describe, expect, it } from "vitest";
import { affinityCueText } from "../../client/src/chat/affinityCue.ts";

describe("the words of an affinity cue", () => {
  it("says who warmed to the person, by how much and why", () => {
    expect(affinityCueText("Mia", { delta: 2, reason: "A compliment and your interest in their day." })).toBe(
      "Mia warmed to you by 2 points: A compliment and your interest in their day.",
    );
  });

  it("says when the agent cooled, by one point, and ends a bare reason with a full stop", () => {
    expect(affinityCueText("Mia", { delta: -1, reason: "A brush-off" })).toBe(
      "Mia cooled toward you by 1 point: A brush-off.",
    );
    expect(affinityCueText("Mia", { delta: 1, reason: " " })).toBe("Mia warmed to you by 1 point.");
  });
});
