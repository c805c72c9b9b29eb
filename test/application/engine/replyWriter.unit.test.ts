import { describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import type { ReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import type { ReplyStreamEvent } from "../../../src/ports/replyModel.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const turn = {
  userId: "u-writer",
  agentId: "agent-writer",
  agent: { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } },
  prompt: miaInput({ personMessage: "How was your day?" }),
};

/** A composer whose reply comes once `answer` is called: a model being waited on. */
function heldComposer(): { composer: ReplyComposer; answer: () => void } {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const text = "It was calm, thanks for asking.";
  return {
    answer: () => answer(),
    composer: {
      name: "held",
      describe: () => ({ adapter: "held", model: "held", offline: false }),
      async *compose(): AsyncIterable<ReplyStreamEvent> {
        await answered;
        yield { type: "delta", text };
        yield {
          type: "done",
          text,
          model: "held",
          usage: { promptTokens: 1, completionTokens: 1 },
          finishReason: "stop",
        };
      },
    },
  };
}

const depsWith = (replies: ReplyComposer) => ({
  bus: new InProcessLiveBus(),
  replies,
  settings: defaultEngineSettings,
  logger: createLogger({ level: "silent" }),
});

describe("writeReply", () => {
  it("says it waits on its model when the model has not answered by the end of a turn of the event loop", async () => {
    const { composer, answer } = heldComposer();
    const said: string[] = [];
    const writing = writeReply(
      depsWith(composer),
      turn,
      "reply-held",
      new AbortController().signal,
      () => said.push("first words"),
      () => said.push("waiting for the model"),
    );
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(said).toEqual(["waiting for the model"]);
    answer();
    const written = await writing;
    expect(written.text).toBe("It was calm, thanks for asking.");
    expect(said).toEqual(["waiting for the model", "first words"]);
  });

  it("never says so for a composer that answers at once: its work is the turn's own", async () => {
    const { composer, answer } = heldComposer();
    answer();
    const said: string[] = [];
    await writeReply(
      depsWith(composer),
      turn,
      "reply-at-once",
      new AbortController().signal,
      () => said.push("first words"),
      () => said.push("waiting for the model"),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(said).toEqual(["first words"]);
  });
});
