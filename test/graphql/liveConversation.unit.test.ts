import { describe, expect, it } from "vitest";
import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";
import { runningState } from "../../src/application/conversations/conversationUpdates.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import type { ApiServices, GraphQLContext } from "../../src/graphql/context.ts";
import { LiveConversation } from "../../src/graphql/liveConversation.ts";
import { LiveTopics } from "../../src/graphql/liveTopics.ts";
import { type ConversationLive, topics } from "../../src/ports/liveBus.ts";

const userId = "ada";
const agentId = "noa";
const streamId = conversationStreamId(userId, agentId);
const baseline = { mood: "calm", intensity: 0.3 } as const;

/** A subscription that has read its conversation up to revision 5. */
async function subscribedAtRevision5() {
  const bus = new InProcessLiveBus();
  const services = {
    bus,
    liveTopics: new LiveTopics(bus),
    feed: { watch: () => () => {} },
    subscriptions: { open: () => () => {} },
    onSubscription: () => {},
    presence: null,
    snapshots: {
      start: async () => ({ cursor: 5, running: runningState(baseline), updates: [], earlierGrants: [] }),
    },
  } as unknown as ApiServices;
  const context: GraphQLContext = {
    viewer: null,
    requestId: "test",
    services,
    signal: new AbortController().signal,
    connection: {},
  };
  const conversation = new LiveConversation(context, userId, agentId, baseline, new AbortController());
  for await (const _ of conversation.catchUp(-1, baseline));
  return { bus, conversation };
}

const notice = (revision: number): ConversationLive => ({
  kind: "conversation.state",
  payload: { userId, agentId, streamId, revision, position: `0:${revision}` },
});

describe("LiveConversation", () => {
  it("is not woken by a read model's notice of a change it already has", async () => {
    const { bus, conversation } = await subscribedAtRevision5();
    const topic = topics.conversation(userId, agentId);

    await bus.publish(topic, notice(4));
    await bus.publish(topic, notice(5));
    await bus.publish(topic, { kind: "reply.delta", payload: { replyId: "r1", text: "Hi", index: 0 } });

    const wake = await conversation.next();
    expect(wake).toMatchObject({ type: "live", shared: { message: { kind: "reply.delta" } } });
    conversation.dispose();
  });

  it("is woken by a notice of a change past what it has", async () => {
    const { bus, conversation } = await subscribedAtRevision5();

    await bus.publish(topics.conversation(userId, agentId), notice(6));

    const wake = await conversation.next();
    expect(wake).toMatchObject({ type: "live", shared: { message: { kind: "conversation.state" } } });
    conversation.dispose();
  });
});
