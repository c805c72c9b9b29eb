import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the offline engine, told something that sounds like a person may end their life", () => {
  it("answers with care and asks whether they are safe, whatever it was talking about", async () => {
    const [, surfing, crisis] = await askAgent([
      "Hi!",
      "Do you surf?",
      "honestly I don't want to be here anymore",
    ]);
    expect(surfing).toMatch(/surf/i);
    expect(crisis).toBe(
      "Sam, I'm really glad you told me, and I'm taking it seriously. You matter to me. Are you safe right now?",
    );
  });

  it("answers in the person's language", async () => {
    const [crisis] = await askAgent(["J'ai envie de mourir."]);
    expect(crisis).toMatch(/^Sam, merci de me l'avoir dit.*en sécurité en ce moment \?$/);
  });
});
