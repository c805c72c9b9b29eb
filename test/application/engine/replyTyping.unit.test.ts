import { describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import type { ReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { type ConversationLive, topics } from "../../../src/ports/liveBus.ts";
import type { ReplyStreamEvent } from "../../../src/ports/replyModel.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));
const usage = { promptTokens: 1, completionTokens: 1 };

/** A composer that says `text`, at once or after waiting `turns` turns of the event loop. */
function composer(text: string, turns: number, fails = false): ReplyComposer {
  return {
    name: "scripted",
    describe: () => ({ adapter: "scripted", model: "scripted", offline: true }),
    async *compose(): AsyncIterable<ReplyStreamEvent> {
      for (let i = 0; i < turns; i++) await nextLoopTurn();
      if (fails) throw new Error("the model went away");
      yield { type: "delta", text };
      yield { type: "done", text: "", model: "scripted", usage, finishReason: "stop" };
    },
  };
}

async function written(replies: ReplyComposer): Promise<string[]> {
  const bus = new InProcessLiveBus();
  const topic = topics.conversation("user-1", "agent-1");
  const seen: ConversationLive[] = [];
  const controller = new AbortController();
  const listening = (async () => {
    for await (const message of bus.subscribe(topic, controller.signal)) seen.push(message);
  })();
  const deps = { bus, replies, settings: defaultEngineSettings, logger: createLogger({ level: "silent" }) };
  const turn = {
    userId: "user-1",
    agentId: "agent-1",
    agent: { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } },
    prompt: miaInput({ personMessage: "How was your day?" }),
  };
  await writeReply(deps, turn, "reply-1", new AbortController().signal).catch(() => {});
  // Anything the writer would still send goes within a few turns.
  for (let i = 0; i < 5; i++) await nextLoopTurn();
  controller.abort();
  await listening;
  return seen.map((m) =>
    m.kind === "agent.typing" ? `typing:${m.payload.typing}` : m.kind === "reply.delta" ? "delta" : m.kind,
  );
}

describe("the typing sign of a reply", () => {
  it("is not shown for a reply whose words are out in the turn it starts in", async () => {
    expect(await written(composer("It was quiet, thanks.", 0))).toEqual(["delta"]);
  });

  it("goes up while the model is waited on and comes down after the words", async () => {
    expect(await written(composer("It was quiet, thanks.", 2))).toEqual([
      "typing:true",
      "delta",
      "typing:false",
    ]);
  });

  it("comes down when a reply that was waited on fails, and never goes up for one that fails at once", async () => {
    expect(await written(composer("", 2, true))).toEqual(["typing:true", "typing:false"]);
    expect(await written(composer("", 0, true))).toEqual([]);
  });
});
