import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the offline engine on the parts of its days, and on 'what do I do now?' out of nowhere", () => {
  it("answers the best or worst part of its days in general, as a part of its day", async () => {
    for (const asked of [
      "what's the nicest part of your day",
      "whats ur favourite moment of a normal day?",
      "what is the worst bit of your mornings?",
    ]) {
      const [reply] = await askAgent([asked]);
      expect(reply, asked).toMatch(/^The (?:bit|quiet bit|hour|alarm)|^Mid-afternoon/);
      expect(reply, asked).not.toMatch(/don't know|look it up|dinner|Work today/i);
    }
    const [night] = await askAgent(["the hardest part of your day?"], {
      ...soundEngineer,
      occupation: "night nurse",
    });
    expect(night).toMatch(/shift|alarm|afternoon/i);
  });

  it("asks what happened, warmly, when 'what do I do now?' comes before anything was told", async () => {
    for (const asked of ["so what do i do now??", "now what", "omg what am I supposed to do"]) {
      const [reply] = await askAgent([asked]);
      expect(reply, asked).toMatch(/what happened|what's going on/i);
      expect(reply, asked).not.toMatch(/remind me|tell me again|go with your gut/i);
    }
    const [, afterHello] = await askAgent(["hey Mira", "what should we do now?"]);
    expect(afterHello).toMatch(/what happened|what's going on/i);
  });

  it("keeps answering 'what do I do?' from what was told before it", async () => {
    const [, steps] = await askAgent(["I locked myself out of my flat", "what do I do now?"]);
    expect(steps).not.toMatch(/what happened|what's going on/i);
  });
});
