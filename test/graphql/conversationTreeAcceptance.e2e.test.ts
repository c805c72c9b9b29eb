import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { greetingIdFor } from "../../src/application/conversations/messageIds.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import {
  collect,
  createAgent,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { EDIT, PATH_MUTATION, REGENERATE, SEND } from "./treeHarness.ts";

const TREE = `query($agentId: ID!) { conversation(agentId: $agentId) {
  state { affinity mood replyStatus }
  messages(last: 30) { edges { node { id kind text status parentId siblingIds siblingCount siblingIndex hidden } } }
} }`;
const TURNS = [
  "Hi! How is your day going?",
  "Thanks, you always cheer me up!",
  "I went hiking with my dog this weekend.",
  "What are you working on right now?",
  "You are wonderful, I love talking to you.",
  "The weather here is grey and cold.",
];

let api: TestApi;
let agentId: string;
const token = "dev:tessa";

beforeAll(async () => {
  api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
  agentId = await createAgent(api.url, "Lena");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, token)).data?.agents.length > 0);
});
afterAll(async () => api?.close());

async function tree(): Promise<{ state: Loose; path: Loose[] }> {
  const result = await gql(api.url, TREE, { agentId }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  const conversation = result.data!.conversation;
  return { state: conversation.state, path: conversation.messages.edges.map((e: Loose) => e.node) };
}

/** The path once the reply `replyId` is finished on it and the conversation is idle. */
async function answered(replyId: string): Promise<{ state: Loose; path: Loose[] }> {
  return eventually(async () => {
    const now = await tree();
    const last = now.path.at(-1);
    return last?.id === replyId && last.status === "COMPLETED" && now.state.replyStatus === "IDLE"
      ? now
      : undefined;
  }, 60_000);
}

const call = (query: string, input: Record<string, unknown>) =>
  gql(api.url, query, { input: { agentId, ...input } }, token);

describe("a conversation as a tree, through the running server with its reply reactor", () => {
  it("regenerates twice, chooses alternative 1, edits turn 3: the path's affinity, and the same tree after a rebuild", async () => {
    const client = wsClient(api.wsUrl, token);
    const deltas = new Set<string>();
    const events = collect<Loose>(
      client,
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on ReplyDelta { replyId } } }`,
      { agentId },
      (items) => {
        for (const item of items)
          if (item.conversationEvents.replyId) deltas.add(item.conversationEvents.replyId);
        return false;
      },
    );
    await listening(api, token);
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    const turns: { message: string; reply: string }[] = [];
    for (const text of TURNS) {
      const sent = await call(SEND, { text, clientMessageId: randomUUID() });
      const { replyId, message } = sent.data!.sendMessage;
      await answered(replyId);
      turns.push({ message: message.id, reply: replyId });
    }

    const first = await call(REGENERATE, { replyId: turns[5]!.reply, clientRequestId: randomUUID() });
    const second = await call(REGENERATE, {
      replyId: (await answered(first.data!.regenerateReply.replyId)).path.at(-1).id,
      clientRequestId: randomUUID(),
    });
    const afterRegenerating = await answered(second.data!.regenerateReply.replyId);
    const alternatives = [
      turns[5]!.reply,
      first.data!.regenerateReply.replyId,
      second.data!.regenerateReply.replyId,
    ];
    expect(afterRegenerating.path.at(-1)).toMatchObject({ siblingIds: alternatives, siblingIndex: 2 });

    const chosen = await call(PATH_MUTATION("chooseAlternative"), {
      messageId: alternatives[1],
      clientRequestId: randomUUID(),
    });
    expect(chosen.errors).toBeUndefined();
    await eventually(async () => (await tree()).path.at(-1)?.id === alternatives[1]);

    const edited = await call(EDIT, {
      messageId: turns[2]!.message,
      text: "I went climbing with my sister.",
      clientMessageId: randomUUID(),
    });
    expect(edited.errors).toBeUndefined();
    const { replyId: editReply, message: editMessage } = edited.data!.editMessage;
    const final = await answered(editReply);
    expect(final.path.map((m) => m.id)).toEqual([
      greetingIdFor(userId, agentId),
      turns[0]!.message,
      turns[0]!.reply,
      turns[1]!.message,
      turns[1]!.reply,
      editMessage.id,
      editReply,
    ]);
    expect(final.path[5]).toMatchObject({ siblingIds: [turns[2]!.message, editMessage.id], siblingIndex: 1 });
    for (const replyId of [...alternatives.slice(1), editReply]) expect(deltas).toContain(replyId);
    events.stop();
    await client.dispose();

    // Affinity from the chosen path's own events, whatever the other branches did.
    const stored = await api.system.events.readStream(conversationStreamId(userId, agentId));
    const onPath = new Set(final.path.map((m) => m.id));
    const changes = stored.flatMap((e) => (e.type === "AffinityChanged" ? [e.data] : []));
    const fromPath = changes
      .filter((change) => onPath.has(change.causedBy ?? ""))
      .reduce((sum, change) => Math.max(-100, Math.min(100, sum + change.delta)), 0);
    const offPath = changes.filter((change) => !onPath.has(change.causedBy ?? ""));
    expect(offPath.length).toBeGreaterThan(0);
    await eventually(async () => (await tree()).state.affinity === fromPath);

    // A reload, and a rebuild of the read models from the log, show the same tree.
    const before = await tree();
    for (const name of ["messages", "conversations"]) await rebuild(name);
    const after = await tree();
    expect(after.path).toEqual(before.path);
    expect(after.state.affinity).toBe(before.state.affinity);
  });
});

async function rebuild(name: string): Promise<void> {
  const admin = wsClient(api.wsUrl, "dev");
  const progress = collect<Loose>(
    admin,
    `subscription($name: String!) { projectionProgress(name: $name) { mode } }`,
    { name },
    (items) => items.some((i) => i.projectionProgress.mode === "switched"),
  );
  await listening(api, "dev");
  const started = await gql(
    api.url,
    `mutation($name: String!) { rebuildProjection(name: $name) { started } }`,
    { name },
    "dev",
  );
  expect(started.data!.rebuildProjection.started).toBe(true);
  await progress.finished;
  await admin.dispose();
}
