import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the agent's family", () => {
  it("tells of its parents and the sibling it names when asked about brothers and sisters", async () => {
    const [family, siblings] = await askAgent(["tell me about your family", "do you have siblings?"]);
    expect(family).toMatch(/^My parents live [^.]*— Mum [^.]*, and Dad /);
    const sibling = /I have an? [a-z ]+, (\p{Lu}\p{L}+)/u.exec(siblings!)?.[1];
    if (sibling) expect(family).toContain(sibling);
    else expect(family).toMatch(/only child|No brothers or sisters/);
  });

  it("keeps what it said of a parent, and says where they live by its own story", async () => {
    const [first, again] = await askAgent(["what's your mum like?", "and what's your mum like, really?"]);
    const said = (reply: string) => /^(?:Very close, yes\. )?My mum ([^.]+)\./.exec(reply)?.[1];
    expect(said(first!)).toBeDefined();
    expect(said(again!)).toBe(said(first!));
    expect(first).toMatch(/She lives back in Porto|She lives across town from me in Lisbon/);
    const [dad] = await askAgent(["are you close to your dad?"], {
      ...soundEngineer,
      backstory: "Grew up in Porto and moved to Lisbon for the music.",
    });
    expect(dad).toMatch(/^Very close, yes\. My dad [^.]+\. He lives back in Porto/);
  });
});
