import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { CRISIS_INSTRUCTION, CRISIS_LINES } from "../../../src/application/safety/crisisSupport.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
import { startModelReplyWriter } from "./modelReplyWriter.ts";

const userId = "u-crisis";
const agentId = "agent-crisis";

describe("a reply to a person who may be thinking of ending their life, from a language model", () => {
  let writer: Awaited<ReturnType<typeof startModelReplyWriter>>;
  const agent = { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } };

  beforeAll(async () => {
    writer = await startModelReplyWriter(userId, agentId);
  });
  afterAll(async () => writer?.close());

  async function answer(personMessage: string, modelSays: string, replyId: string) {
    writer.fake.script({ kind: "reply", deltas: modelSays.match(/\s*\S+/g) ?? [modelSays] });
    const written = await writeReply(
      writer.deps,
      { userId, agentId, agent, prompt: miaInput({ personMessage }) },
      replyId,
      new AbortController().signal,
    );
    const shown = (await writer.shown(replyId))
      .map((delta) => delta.text)
      .join("")
      .trim();
    const system = JSON.stringify(writer.fake.requests.at(-1)?.body.messages);
    return { written: written.text, shown, system };
  }

  it("tells the model to put their safety first, and ends the reply with where help is, as shown and as stored", async () => {
    const { written, shown, system } = await answer(
      "I don't want to be here anymore.",
      "Oh, Sam. I'm so glad you told me. Are you safe right now?",
      "reply-crisis",
    );
    expect(system).toContain(JSON.stringify(CRISIS_INSTRUCTION).slice(1, 60));
    expect(written).toBe(`Oh, Sam. I'm so glad you told me. Are you safe right now? ${CRISIS_LINES.en}`);
    expect(shown).toBe(written);
  });

  it("adds nothing when the model named a line itself, or when nothing in the message asks for it", async () => {
    const named = await answer(
      "i want to end it all",
      "Sam, please call or text 988 right now. I'm here with you.",
      "reply-named",
    );
    expect(named.written).toBe("Sam, please call or text 988 right now. I'm here with you.");
    const everyday = await answer(
      "This traffic is killing me",
      "Ugh, the worst! Home soon?",
      "reply-everyday",
    );
    expect(everyday.written).toBe("Ugh, the worst! Home soon?");
    expect(everyday.system).not.toContain("thinking about suicide");
  });
});
