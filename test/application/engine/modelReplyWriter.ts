import { InProcessLiveBus } from "../../../src/adapters/local/inProcessLiveBus.ts";
import { OpenAiReplyModel } from "../../../src/adapters/openai/openAiReplyModel.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import { modelReplyComposer } from "../../../src/application/engine/replyComposer.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { type ConversationLive, topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type OpenAiFake, startOpenAiFake } from "../../support/fakes/openAiFake.ts";

/**
 * The reply writer's dependencies with the real OpenAI adapter pointed at a local fake, and what
 * one conversation's live topic carried.
 */
export async function startModelReplyWriter(userId: string, agentId: string) {
  const fake: OpenAiFake = await startOpenAiFake();
  const bus = new InProcessLiveBus();
  const seen: ConversationLive[] = [];
  const listening = new AbortController();
  void (async () => {
    for await (const message of bus.subscribe(topics.conversation(userId, agentId), listening.signal))
      seen.push(message);
  })();
  await bus.whenSubscribed();
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
  return {
    fake,
    seen,
    deps,
    /** The text of a reply's deltas, once its stream is over ("not typing" has arrived). */
    async shown(replyId: string): Promise<{ index: number; text: string }[]> {
      await eventually(
        async () =>
          seen.some((m) => m.kind === "agent.typing" && m.payload.replyId === replyId && !m.payload.typing),
        30_000,
      );
      return seen.flatMap((m) =>
        m.kind === "reply.delta" && m.payload.replyId === replyId ? [m.payload] : [],
      );
    },
    async close(): Promise<void> {
      listening.abort();
      await fake.close();
    },
  };
}
