import { describe, expect, it } from "vitest";
import { starterAgents } from "../../../src/application/agents/starterAgents.ts";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const kenji = starterAgents.find((a) => a.name === "Kenji")!;

function replies(
  personMessage: string,
  persona: Partial<ReplyPromptInput["persona"]> = {},
  seeds = 6,
): string[] {
  const base = miaInput();
  const input = miaInput({ personMessage, memories: [], persona: { ...base.persona, ...persona } });
  const context = buildReplyPrompt(input).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

describe("the offline engine says how the agent looks", () => {
  const appearance = kenji.appearancePrompt!;

  it("answers from its appearance: hair, glasses, what it wears", () => {
    for (const text of replies("What do you look like?", { appearance })) {
      expect(text).toMatch(/short black hair/i);
      expect(text).toMatch(/round glasses|grey hoodie|headphones/i);
    }
    for (const text of replies("What colour is your hair?", { appearance })) expect(text).toMatch(/black/i);
  });

  it("gives the same height and eye colour every time, and says them plainly", () => {
    for (const question of ["How tall are you?", "What color are your eyes?"]) {
      const said = replies(question, { appearance });
      expect(new Set(said.map((t) => t.split(/[.!?—]/)[0])).size, question).toBe(1);
      expect(said[0], question).toMatch(question.includes("tall") ? /\d/ : /brown|hazel|green|grey|blue/i);
    }
  });

  it("tells the eye colour its appearance gives", () => {
    for (const text of replies("what's your eye colour", {
      appearance: "long red hair, green eyes, a yellow raincoat",
    }))
      expect(text).toMatch(/green eyes/i);
  });

  it("says whether it wears glasses as its appearance has it", () => {
    for (const text of replies("do you wear glasses?", { appearance }))
      expect(text).toMatch(/^I do — round glasses/);
    for (const text of replies("do you wear glasses?", { appearance: "long red hair, green eyes" }))
      expect(text).toMatch(/^No, not me/);
  });

  it("wears what its appearance has it wear", () => {
    for (const text of replies("what are you wearing?", { appearance }))
      expect(text).toMatch(/^My grey hoodie/);
  });
});
