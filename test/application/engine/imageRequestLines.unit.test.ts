import { describe, expect, it } from "vitest";
import { declinedImageLine } from "../../../src/application/engine/imageRequestLines.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const base = miaInput();
const context = buildReplyPrompt(
  miaInput({
    personMessage: "what do you look like?",
    persona: { ...base.persona, appearance: "shoulder-length curly dark hair, freckles, a green jacket" },
  }),
).context;
const shy = "Ha, let's get to know each other a little better first — talk to me a bit and ask again?";

describe("a picture of the agent that does not go out", () => {
  it("is described in words when the person asked what the agent looks like", () => {
    const line = declinedImageLine("appearance", context, "AffinityTooLow", shy);
    expect(line).toMatch(/^Shoulder-length curly dark hair and freckles\. Usually in my green jacket\./);
    expect(line).toMatch(/photo can wait/);
  });

  it("keeps the plain line for a selfie request", () => {
    expect(declinedImageLine("selfie", context, "AffinityTooLow", shy)).toBe(shy);
  });
});
