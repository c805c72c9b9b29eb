import { describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import type { ReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { writeReply } from "../../../src/application/engine/replyWriter.ts";
import { TypingSign } from "../../../src/application/engine/typingSign.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import type { ReplyStreamEvent } from "../../../src/ports/replyModel.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));
const usage = { promptTokens: 0, completionTokens: 0 };

/** A composer whose words come at once, or each after a turn of the event loop. */
function composer(words: readonly string[], slow: boolean): ReplyComposer {
  return {
    name: "scripted",
    describe: () => ({ adapter: "scripted", model: "scripted", offline: true }),
    async *compose(): AsyncIterable<ReplyStreamEvent> {
      for (const text of words) {
        if (slow) await nextLoopTurn();
        yield { type: "delta", text };
      }
      yield { type: "done", text: words.join(""), model: "scripted", usage, finishReason: "stop" };
    },
  };
}

/** What the conversation's subscribers are handed while one reply is written. */
async function liveWhileWriting(replies: ReplyComposer): Promise<string[]> {
  const bus = new InProcessLiveBus();
  const seen: string[] = [];
  const publish = bus.publish.bind(bus);
  bus.publish = ((topic, message) => {
    if (message.kind === "agent.typing") seen.push(`typing:${message.payload.typing}`);
    if (message.kind === "reply.delta") seen.push(`delta:${message.payload.text}`);
    return publish(topic, message);
  }) as typeof bus.publish;
  const deps = { bus, replies, settings: defaultEngineSettings, logger: createLogger({ level: "silent" }) };
  const turn = {
    userId: "u1",
    agentId: "a1",
    agent: { profile: { name: "Mia Rossi", persona: { selfDescribesAsAI: false } } },
    prompt: miaInput({ personMessage: "How was your day?" }),
  };
  await writeReply(deps, turn, "r1", new AbortController().signal);
  return seen;
}

describe("the typing sign of a reply being written", () => {
  it("is not sent when the first words come in the same turn of the event loop", async () => {
    const seen = await liveWhileWriting(composer(["Lovely, thanks. ", "I sketched by the river."], false));
    expect(seen.filter((s) => s.startsWith("typing"))).toEqual([]);
    expect(seen.join(" ")).toContain("delta:Lovely, thanks.");
  });

  it("goes out before words that take longer, and its end after the last of them", async () => {
    const seen = await liveWhileWriting(composer(["Lovely, thanks. ", "I sketched by the river."], true));
    expect(seen[0]).toBe("typing:true");
    expect(seen.at(-1)).toBe("typing:false");
    expect(seen.filter((s) => s.startsWith("delta")).length).toBeGreaterThan(0);
  });

  it("ends a sign that was said when the reply fails before any words", async () => {
    const said: boolean[] = [];
    const sign = new TypingSign(async (on) => void said.push(on));
    await nextLoopTurn();
    await sign.stop();
    expect(said).toEqual([true, false]);
  });

  it("says no end for a sign that could not be sent", async () => {
    const said: boolean[] = [];
    const sign = new TypingSign(async (on) => {
      said.push(on);
      if (on) throw new Error("the bus is down");
    });
    await nextLoopTurn();
    await sign.stop();
    expect(said).toEqual([true]);
  });
});
