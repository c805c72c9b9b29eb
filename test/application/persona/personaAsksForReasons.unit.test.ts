import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("everyday asks answered as asked", () => {
  it("gives a reason when asked why it loves something, not a yes", async () => {
    const [, ocean, surfing] = await askAgent([
      "hi",
      "why do you love the ocean so much?",
      "why do you like surfing?",
    ]);
    expect(ocean).toMatch(/^The ocean just makes me feel like myself/);
    expect(ocean).not.toMatch(/^(?:Yes|I do|I really do)\b/);
    expect(surfing).toMatch(/Surfing is my happy place/);
  });

  it("says what to wear when asked, and takes 'something happier' as a change of subject", async () => {
    const [, wear, happier] = await askAgent([
      "hi",
      "what should I wear on my first day?",
      "can we talk about something happier?",
    ]);
    expect(wear).toMatch(/feel good in|smart/);
    expect(wear).not.toMatch(/Sure, I can do that/);
    expect(happier).toMatch(/new topic/);
    expect(happier).not.toMatch(/no idea|not sure|look it up/i);
  });
});

describe("a favourite food", () => {
  it("is the food among the agent's interests, when it has one", async () => {
    const agent = { ...soundEngineer, name: "Kenji", interests: ["synths", "jazz records", "ramen"] };
    const [food, asked] = await askAgent(
      ["what's your favourite food?", "is ramen your favourite food?"],
      agent,
    );
    expect(food).toMatch(/ramen/i);
    expect(asked).toMatch(/ramen/i);
    expect(asked).not.toMatch(/grilled fish|lasagne|bread/);
  });
});

describe("an either-or question typed without its question mark", () => {
  it("still gets a side picked, while a bare 'x or y' answer does not", async () => {
    const [, choice, bare] = await askAgent(["hi", "do u like cats or dogs more", "tomorrow or friday"]);
    expect(choice).toMatch(/^(?:Cats|Dogs), (?:definitely|I think)/);
    expect(bare).not.toMatch(/definitely|I think\. Though/);
  });
});

describe("a bare 'why?' after an answer", () => {
  it("gives a reason instead of saying the answer's last sentence again", async () => {
    const [sea, why] = await askAgent(["do u miss being at sea?", "why?"], {
      ...soundEngineer,
      occupation: "retired ferry captain",
    });
    const last = sea!.split(/(?<=[.!?])\s+/).find((s) => /part of my life/.test(s));
    if (last) expect(why).not.toContain(last);
    const [, , gift] = await askAgent(["my mom is turning 60", "what should I plan for her?", "why that?"]);
    expect(gift).toMatch(/worked for me|experience/);
    const [, unknown] = await askAgent(["unity or godot for a beginner?", "why?"]);
    expect(unknown).not.toMatch(/look it up|search/);
  });
});
