import { randomUUID } from "node:crypto";
import { gql, type Loose, type TestApi } from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId message { id } } }`;
export const REGENERATE = `mutation($input: RegenerateReplyInput!) {
  regenerateReply(input: $input) { replyId leafId revision duplicate }
}`;
export const EDIT = `mutation($input: EditMessageInput!) {
  editMessage(input: $input) { replyId leafId duplicate message { id text parentId } }
}`;
export const PATH_MUTATION = (name: string) => `mutation($input: ConversationMessageRequestInput!) {
  ${name}(input: $input) { leafId revision duplicate }
}`;
export const MESSAGES = `query($agentId: ID!) { conversation(agentId: $agentId) {
  state { affinity }
  messages(last: 50) { edges { node { id kind text status parentId siblingIds siblingCount siblingIndex hidden hiddenReplyId } } }
} }`;

/** People with conversations with one agent, and what they see, for the conversation-tree tests. */
export function treeHarness(api: TestApi, agentId: string) {
  /** A person with a conversation of `turns` answered turns, replies written by the stand-in. */
  async function personWithTurns(turns: number) {
    const token = `dev:p${randomUUID().slice(0, 8)}`;
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    const stand = reactorStandIn(api.system, userId, agentId);
    const ids: { message: string; reply: string }[] = [];
    for (let turn = 0; turn < turns; turn++) {
      const sent = await gql(
        api.url,
        SEND,
        { input: { agentId, text: `turn ${turn}`, clientMessageId: randomUUID() } },
        token,
      );
      const message = sent.data!.sendMessage.message.id as string;
      ids.push({ message, reply: await stand.reply(message, `answer ${turn}`) });
    }
    const call = (query: string, input: Record<string, unknown>) =>
      gql(api.url, query, { input: { agentId, ...input } }, token);
    return { token, userId, stand, ids, call };
  }

  async function messagesOf(token: string): Promise<Loose[]> {
    const result = await gql(api.url, MESSAGES, { agentId }, token);
    return result.data!.conversation.messages.edges.map((e: Loose) => e.node);
  }

  async function affinityOf(token: string): Promise<number> {
    return (await gql(api.url, MESSAGES, { agentId }, token)).data!.conversation.state.affinity;
  }

  async function completeReply(stand: ReturnType<typeof reactorStandIn>, replyId: string, text: string) {
    const usage = { promptTokens: 1, completionTokens: 1 };
    await stand.conversation(
      { type: "CompleteReply", replyId, text, model: "test", usage },
      `done:${replyId}`,
    );
  }

  return { personWithTurns, messagesOf, affinityOf, completeReply };
}
