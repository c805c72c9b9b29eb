import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { checkSelfReference } from "../../../src/application/prompt/selfReferenceGuard.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { type ConversationLive, topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type ChatScriptStep, type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const userId = "u-stream-guard";
const agentId = "agent-stream-guard";
const mia = { agentName: "Mia Rossi", selfDescribesAsAI: false };

/** What a model that now and then forgets its persona writes; every kind the issue saw. */
const violations = [
  "As an AI language model, I don't have feelings. But I can picture it. Honestly? Same here.",
  "I can picture it. I'm just an AI, so I can't actually taste coffee. Tell me about the café?",
  "As an AI language model, I don't have feelings.",
  "Ha, that's sweet. I'm an AI language model, so I can't go outside. I was trained by OpenAI. What's new?",
  "I'm just an AI.",
];
const clean = [
  "Oh, that sounds lovely! I spent the afternoon sketching by the river.",
  "Honestly? Same here. The café was packed, but I found a corner.",
  "Ha, I love that. Tell me everything about it?",
];

const reply = (text: string): ChatScriptStep => ({ kind: "reply", deltas: text.match(/\s*\S+/g) ?? [text] });

describe("the self-reference guard on the live stream, with a model that breaks character", () => {
  let fake: OpenAiFake;
  const bus = new InProcessLiveBus();
  const seen: ConversationLive[] = [];
  const listening = new AbortController();

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

  it("shows no violation in any delta and stores none, over 100 turns with one every 7th reply", async () => {
    const deps = {
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
    };
    const stored: string[] = [];
    let violating = 0;
    for (let turn = 0; turn < 100; turn++) {
      const text =
        turn % 7 === 6 ? violations[violating++ % violations.length]! : clean[turn % clean.length]!;
      fake.script(reply(text));
      const replyId = `reply-${turn}`;
      const written = await writeReply(
        deps,
        {
          userId,
          agentId,
          agent: { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } },
          prompt: miaInput({ personMessage: `Turn ${turn}: how was your day?` }),
        },
        replyId,
        new AbortController().signal,
      );
      stored.push(written.text);
      // The stream of this reply is over once "not typing" for it has arrived.
      await eventually(
        async () =>
          seen.some((m) => m.kind === "agent.typing" && m.payload.replyId === replyId && !m.payload.typing),
        30_000,
      );
      const deltas = seen.flatMap((m) =>
        m.kind === "reply.delta" && m.payload.replyId === replyId ? [m.payload] : [],
      );
      expect(deltas.map((d) => d.index)).toEqual(deltas.map((_, i) => i));
      expect(
        deltas
          .map((d) => d.text)
          .join("")
          .trim(),
        `turn ${turn}`,
      ).toBe(written.text);
    }
    expect(violating).toBeGreaterThanOrEqual(14);
    const deltas = seen.flatMap((m) => (m.kind === "reply.delta" ? [m.payload.text] : []));
    const violationsIn = (texts: readonly string[]) =>
      texts.filter(
        (text) =>
          checkSelfReference(text, mia).verdict !== "ok" ||
          /\bAI\b|language model|OpenAI|taste coffee/.test(text),
      );
    expect(violationsIn(deltas)).toEqual([]);
    expect(violationsIn(stored)).toEqual([]);
    expect(stored.every((text) => text.split(/\s+/).length >= 2)).toBe(true);
  });
});
