import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { CRISIS_INSTRUCTION, CRISIS_LINES } from "../../../src/application/safety/crisisSupport.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { type ConversationLive, topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const userId = "u-crisis";
const agentId = "agent-crisis";

describe("a reply to a person who may be thinking of ending their life, from a language model", () => {
  let fake: OpenAiFake;
  const bus = new InProcessLiveBus();
  const seen: ConversationLive[] = [];
  const listening = new AbortController();
  const deps = () => ({
    bus,
    replies: modelReplyComposer(
      new OpenAiReplyModel({
        apiKey: fake.apiKey,
        baseURL: fake.url,
        model: "gpt-test",
        sleep: async () => {},
      }),
    ),
    settings: defaultEngineSettings,
    logger: createLogger({ level: "silent" }),
  });
  const agent = { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } };

  beforeAll(async () => {
    fake = await startOpenAiFake();
    void (async () => {
      for await (const message of bus.subscribe(topics.conversation(userId, agentId), listening.signal))
        seen.push(message);
    })();
    await bus.whenSubscribed();
  });
  afterAll(async () => {
    listening.abort();
    await fake?.close();
  });

  async function answer(personMessage: string, modelSays: string, replyId: string) {
    fake.script({ kind: "reply", deltas: modelSays.match(/\s*\S+/g) ?? [modelSays] });
    const written = await writeReply(
      deps(),
      { userId, agentId, agent, prompt: miaInput({ personMessage }) },
      replyId,
      new AbortController().signal,
    );
    await eventually(async () =>
      seen.some((m) => m.kind === "agent.typing" && m.payload.replyId === replyId && !m.payload.typing),
    );
    const shown = seen
      .flatMap((m) => (m.kind === "reply.delta" && m.payload.replyId === replyId ? [m.payload.text] : []))
      .join("")
      .trim();
    const system = JSON.stringify(fake.requests.at(-1)?.body.messages);
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
