import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import {
  codesOf,
  collect,
  createAgent,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";
import { EDIT, PATH_MUTATION, REGENERATE, SEND, treeHarness } from "./treeHarness.ts";

let api: TestApi;
let agentId: string;
let tree: ReturnType<typeof treeHarness>;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Ines");
  tree = treeHarness(api, agentId);
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.length > 0);
});
afterAll(async () => api?.close());

const personWithTurns = (turns: number) => tree.personWithTurns(turns);
const messagesOf = (token: string) => tree.messagesOf(token);
const affinityOf = (token: string) => tree.affinityOf(token);
const completeReply = (...args: Parameters<typeof tree.completeReply>) => tree.completeReply(...args);

describe("regenerateReply", () => {
  it("starts a reply beside the old one, is idempotent by clientRequestId and shows both as alternatives", async () => {
    const p = await personWithTurns(2);
    const clientRequestId = randomUUID();
    const first = await p.call(REGENERATE, { replyId: p.ids[1]!.reply, clientRequestId });
    expect(first.errors).toBeUndefined();
    const { replyId } = first.data!.regenerateReply;
    expect(first.data!.regenerateReply).toMatchObject({ leafId: replyId, duplicate: false });
    const again = await p.call(REGENERATE, { replyId: p.ids[1]!.reply, clientRequestId });
    expect(again.data!.regenerateReply).toMatchObject({ replyId, duplicate: true });
    await completeReply(p.stand, replyId, "another answer");
    const path = await eventually(async () => {
      const messages = await messagesOf(p.token);
      return messages.at(-1)?.text === "another answer" ? messages : undefined;
    });
    // The agent's greeting opens the path; the person's first message answers it.
    expect(path.slice(1).map((m) => m.text)).toEqual(["turn 0", "answer 0", "turn 1", "another answer"]);
    expect(path[1]).toMatchObject({ parentId: path[0]!.id });
    expect(path.at(-1)).toMatchObject({
      parentId: p.ids[1]!.message,
      siblingIds: [p.ids[1]!.reply, replyId],
      siblingCount: 2,
      siblingIndex: 1,
      hidden: false,
    });
    expect(path[0]).toMatchObject({ parentId: null, siblingCount: 1, siblingIndex: 0 });
  });

  it("refuses a reused clientRequestId, a person's message, another conversation's message and a reply being written", async () => {
    const p = await personWithTurns(2);
    const other = await personWithTurns(1);
    const clientRequestId = randomUUID();
    await p.call(REGENERATE, { replyId: p.ids[1]!.reply, clientRequestId });
    const reused = await p.call(REGENERATE, { replyId: p.ids[0]!.reply, clientRequestId });
    expect(codesOf(reused)).toEqual(["CONFLICT"]);
    const streaming = await p.call(REGENERATE, { replyId: p.ids[0]!.reply, clientRequestId: randomUUID() });
    expect(codesOf(streaming)).toEqual(["CONFLICT"]);
    const own = await p.call(REGENERATE, { replyId: p.ids[0]!.message, clientRequestId: randomUUID() });
    expect(codesOf(own)).toEqual(["BAD_USER_INPUT"]);
    const foreign = await p.call(REGENERATE, { replyId: other.ids[0]!.reply, clientRequestId: randomUUID() });
    expect(codesOf(foreign)).toEqual(["NOT_FOUND"]);
    const bad = await p.call(REGENERATE, { replyId: p.ids[0]!.reply, clientRequestId: "has spaces" });
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
  });

  it("asks to wait for a reply sendMessage named that the agent has not started, instead of calling it unknown", async () => {
    const p = await personWithTurns(1);
    const sent = await p.call(SEND, { text: "and now?", clientMessageId: randomUUID() });
    const replyId = sent.data!.sendMessage.replyId as string;
    const early = await p.call(REGENERATE, { replyId, clientRequestId: randomUUID() });
    expect(codesOf(early)).toEqual(["CONFLICT"]);
    expect(early.errors![0]!.message).toMatch(/not written this reply yet/);
    const hide = await p.call(PATH_MUTATION("hideMessage"), {
      messageId: replyId,
      clientRequestId: randomUUID(),
    });
    expect(codesOf(hide)).toEqual(["CONFLICT"]);
    const unknown = await p.call(REGENERATE, { replyId: randomUUID(), clientRequestId: randomUUID() });
    expect(codesOf(unknown)).toEqual(["NOT_FOUND"]);
  });
});

describe("editMessage", () => {
  it("sends new text beside the person's message, going back to its parent", async () => {
    const p = await personWithTurns(3);
    const clientMessageId = randomUUID();
    const edited = await p.call(EDIT, {
      messageId: p.ids[1]!.message,
      text: "turn 1, edited",
      clientMessageId,
    });
    expect(edited.errors).toBeUndefined();
    const { message, replyId } = edited.data!.editMessage;
    expect(message).toMatchObject({ text: "turn 1, edited", parentId: p.ids[0]!.reply });
    const again = await p.call(EDIT, {
      messageId: p.ids[1]!.message,
      text: "turn 1, edited",
      clientMessageId,
    });
    expect(again.data!.editMessage).toMatchObject({ duplicate: true, replyId, message: { id: message.id } });
    const path = await eventually(async () => {
      const messages = await messagesOf(p.token);
      return messages.at(-1)?.id === message.id ? messages : undefined;
    });
    expect(path.slice(1).map((m) => m.text)).toEqual(["turn 0", "answer 0", "turn 1, edited"]);
    expect(path.at(-1)).toMatchObject({ siblingIds: [p.ids[1]!.message, message.id], siblingIndex: 1 });
    await p.stand.reply(message.id, "answer to the edit");
    await eventually(async () => (await messagesOf(p.token)).at(-1)?.text === "answer to the edit");
  });

  it("refuses an agent's message, another conversation's message, a reused client id and empty text", async () => {
    const p = await personWithTurns(2);
    const other = await personWithTurns(1);
    const agents = await p.call(EDIT, {
      messageId: p.ids[0]!.reply,
      text: "x",
      clientMessageId: randomUUID(),
    });
    expect(codesOf(agents)).toEqual(["BAD_USER_INPUT"]);
    const foreign = await p.call(EDIT, {
      messageId: other.ids[0]!.message,
      text: "x",
      clientMessageId: randomUUID(),
    });
    expect(codesOf(foreign)).toEqual(["NOT_FOUND"]);
    const clientMessageId = randomUUID();
    await p.call(EDIT, { messageId: p.ids[1]!.message, text: "first", clientMessageId });
    const reused = await p.call(EDIT, { messageId: p.ids[1]!.message, text: "second", clientMessageId });
    expect(codesOf(reused)).toEqual(["CONFLICT"]);
    const empty = await p.call(EDIT, {
      messageId: p.ids[0]!.message,
      text: "  ",
      clientMessageId: randomUUID(),
    });
    expect(codesOf(empty)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("chooseAlternative and branchFrom", () => {
  it("flip between alternatives with their path's affinity, and continue from an earlier message", async () => {
    const p = await personWithTurns(2);
    const regenerated = await p.call(REGENERATE, { replyId: p.ids[1]!.reply, clientRequestId: randomUUID() });
    const newReply = regenerated.data!.regenerateReply.replyId as string;
    await completeReply(p.stand, newReply, "another answer");
    const chosen = await p.call(PATH_MUTATION("chooseAlternative"), {
      messageId: p.ids[1]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(chosen.data!.chooseAlternative).toMatchObject({ leafId: p.ids[1]!.reply, duplicate: false });
    const path = await eventually(async () => {
      const messages = await messagesOf(p.token);
      // The read model may still show the path from before the regeneration: wait for the choice.
      const last = messages.at(-1);
      return last?.id === p.ids[1]!.reply && last.siblingCount === 2 ? messages : undefined;
    });
    expect(path.at(-1)).toMatchObject({ siblingIndex: 0, siblingCount: 2, text: "answer 1" });
    await eventually(async () => (await affinityOf(p.token)) === 6);
    const branched = await p.call(PATH_MUTATION("branchFrom"), {
      messageId: p.ids[0]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(branched.data!.branchFrom).toMatchObject({ leafId: p.ids[0]!.reply, duplicate: false });
    // The greeting, the first message and its reply.
    await eventually(async () => (await messagesOf(p.token)).length === 3);
    // The path back to the first reply holds only its own affinity change.
    await eventually(async () => (await affinityOf(p.token)) === 3);
  });

  it("refuses another conversation's message, a message off the path to choose, and a reused client id", async () => {
    const p = await personWithTurns(2);
    const other = await personWithTurns(1);
    for (const name of ["chooseAlternative", "branchFrom"]) {
      const foreign = await p.call(PATH_MUTATION(name), {
        messageId: other.ids[0]!.reply,
        clientRequestId: randomUUID(),
      });
      expect(codesOf(foreign)).toEqual(["NOT_FOUND"]);
    }
    await p.call(PATH_MUTATION("branchFrom"), { messageId: p.ids[0]!.reply, clientRequestId: randomUUID() });
    const offPath = await p.call(PATH_MUTATION("chooseAlternative"), {
      messageId: p.ids[1]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(codesOf(offPath)).toEqual(["CONFLICT"]);
    const clientRequestId = randomUUID();
    await p.call(PATH_MUTATION("branchFrom"), { messageId: p.ids[0]!.message, clientRequestId });
    const reused = await p.call(PATH_MUTATION("branchFrom"), {
      messageId: p.ids[1]!.message,
      clientRequestId,
    });
    expect(codesOf(reused)).toEqual(["CONFLICT"]);
  });
});

describe("hideMessage and unhideMessage", () => {
  it("hide a message from the person, show it flagged to admins, and undo", async () => {
    const p = await personWithTurns(2);
    const hidden = await p.call(PATH_MUTATION("hideMessage"), {
      messageId: p.ids[0]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(hidden.data!.hideMessage.duplicate).toBe(false);
    await eventually(async () => !(await messagesOf(p.token)).some((m) => m.id === p.ids[0]!.reply));
    const shown = await p.call(PATH_MUTATION("unhideMessage"), {
      messageId: p.ids[0]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(shown.data!.unhideMessage.duplicate).toBe(false);
    await eventually(async () => (await messagesOf(p.token)).some((m) => m.id === p.ids[0]!.reply));
  });

  it("names the hidden reply of the person's newest message, which reads as answered after a reload and can be answered again", async () => {
    const p = await personWithTurns(2);
    expect((await messagesOf(p.token)).every((m) => m.hiddenReplyId === null)).toBe(true);
    await p.call(PATH_MUTATION("hideMessage"), { messageId: p.ids[1]!.reply, clientRequestId: randomUUID() });
    await eventually(async () => {
      const last = (await messagesOf(p.token)).at(-1);
      return last?.id === p.ids[1]!.message && last.hiddenReplyId === p.ids[1]!.reply;
    });
    const again = await p.call(REGENERATE, { replyId: p.ids[1]!.reply, clientRequestId: randomUUID() });
    expect(again.errors).toBeUndefined();
  });

  it("refuses hiding twice, showing what is not hidden, and another conversation's message", async () => {
    const p = await personWithTurns(1);
    const other = await personWithTurns(1);
    await p.call(PATH_MUTATION("hideMessage"), { messageId: p.ids[0]!.reply, clientRequestId: randomUUID() });
    const twice = await p.call(PATH_MUTATION("hideMessage"), {
      messageId: p.ids[0]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(codesOf(twice)).toEqual(["CONFLICT"]);
    const notHidden = await p.call(PATH_MUTATION("unhideMessage"), {
      messageId: p.ids[0]!.message,
      clientRequestId: randomUUID(),
    });
    expect(codesOf(notHidden)).toEqual(["CONFLICT"]);
    const foreign = await p.call(PATH_MUTATION("hideMessage"), {
      messageId: other.ids[0]!.reply,
      clientRequestId: randomUUID(),
    });
    expect(codesOf(foreign)).toEqual(["NOT_FOUND"]);
  });

  it("shows hidden messages to an admin in their own conversation, flagged", async () => {
    const sent = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "admin here", clientMessageId: randomUUID() } },
      "dev",
    );
    const userId = (await gql(api.url, "{ me { id } }", {}, "dev")).data!.me.id as string;
    const messageId = sent.data!.sendMessage.message.id as string;
    const replyId = await reactorStandIn(api.system, userId, agentId).reply(messageId, "hello admin");
    await gql(
      api.url,
      PATH_MUTATION("hideMessage"),
      { input: { agentId, messageId: replyId, clientRequestId: randomUUID() } },
      "dev",
    );
    const flagged = await eventually(async () => {
      const messages = await messagesOf("dev");
      return messages.find((m) => m.id === replyId && m.hidden);
    });
    expect(flagged).toMatchObject({ text: "hello admin", hidden: true });
  });
});

describe("conversationEvents", () => {
  it("tells a second tab about path changes and hidden messages", async () => {
    const p = await personWithTurns(2);
    const client = wsClient(api.wsUrl, p.token);
    const events = collect<Loose>(
      client,
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
        __typename
        ... on PathChanged { revision leafId previousLeafId via messageId affinity mood }
        ... on MessageVisibilityChanged { messageId hidden }
      } }`,
      { agentId },
      (items) => items.some((i) => i.conversationEvents.__typename === "MessageVisibilityChanged"),
    );
    await listening(api, p.token);
    await p.call(PATH_MUTATION("branchFrom"), { messageId: p.ids[0]!.reply, clientRequestId: randomUUID() });
    await p.call(PATH_MUTATION("hideMessage"), { messageId: p.ids[1]!.reply, clientRequestId: randomUUID() });
    const items = (await events.finished).map((i) => i.conversationEvents);
    await client.dispose();
    expect(items).toContainEqual(
      expect.objectContaining({
        __typename: "PathChanged",
        via: "branch",
        leafId: p.ids[0]!.reply,
        previousLeafId: p.ids[1]!.reply,
        affinity: 3,
      }),
    );
    expect(items).toContainEqual({
      __typename: "MessageVisibilityChanged",
      messageId: p.ids[1]!.reply,
      hidden: true,
    });

    // A tab that reconnects gets them again from the stored events.
    const again = wsClient(api.wsUrl, p.token);
    const replay = collect<Loose>(
      again,
      `subscription($agentId: ID!, $after: Int) { conversationEvents(agentId: $agentId, afterRevision: $after) {
        __typename ... on PathChanged { leafId affinity } ... on MessageVisibilityChanged { messageId hidden }
      } }`,
      { agentId, after: -1 },
      (got) => got.some((i) => i.conversationEvents.__typename === "MessageVisibilityChanged"),
    );
    const replayed = (await replay.finished).map((i) => i.conversationEvents);
    await again.dispose();
    expect(replayed).toContainEqual({ __typename: "PathChanged", leafId: p.ids[0]!.reply, affinity: 3 });
  });
});
