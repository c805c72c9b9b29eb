import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatJsonl } from "../../../src/application/cards/chatJsonl.ts";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import {
  codesOf,
  createAgent,
  gql,
  type Loose,
  startTestApi,
  type TestApi,
} from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const EXPORT = "{ exportMyData }";

describe("exportMyData", () => {
  let api: TestApi;
  let agentId: string;

  beforeAll(async () => {
    api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
    agentId = await createAgent(api.url, "Noor");
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  async function say(token: string, text: string): Promise<void> {
    const sent = await gql(api.url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, token);
    expect(sent.errors).toBeUndefined();
    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: token }), agentId);
    await eventually(async () =>
      (await api.system.eventStore.readStream(streamId)).some((e) => e.type === "AgentReplyCompleted"),
    );
  }

  it("gives the person their profile, settings and conversations, also as SillyTavern JSONL", async () => {
    const mine = `mine-${randomUUID()}`;
    const theirs = `theirs-${randomUUID()}`;
    await say("dev:kai", `I keep my bike at ${mine}.`);
    await say("dev:lev", `I keep my boat at ${theirs}.`);
    const updated = await gql(
      api.url,
      `mutation { updateProfile(input: { displayName: "Kai Export", timezone: "Europe/Oslo" }) { id } }`,
      {},
      "dev:kai",
    );
    expect(updated.errors).toBeUndefined();
    // Exports count against the person's limit: keep the one that had everything, not a second.
    const found = await eventually(async () => {
      const attempt = await gql(api.url, EXPORT, {}, "dev:kai");
      return attempt.data?.exportMyData.conversations.length === 1 ? attempt : undefined;
    });
    const exported = found.data?.exportMyData as Loose;
    expect(exported.format).toBe("withme-personal-data/1");
    expect(exported.profile).toMatchObject({ displayName: "Kai Export", subject: "dev:kai" });
    expect(exported.settings).toMatchObject({ timezone: "Europe/Oslo", doNotDisturb: false });
    const [conversation] = exported.conversations;
    expect(conversation.agentName).toBe("Noor");
    // The agent's greeting opens the conversation; the person's first message follows it.
    expect(conversation.messages[0]).toMatchObject({ from: "agent", parentId: null });
    expect(conversation.messages[1]).toMatchObject({ from: "person", text: `I keep my bike at ${mine}.` });
    expect(conversation.messages.some((m: Loose) => m.from === "agent")).toBe(true);
    expect(JSON.stringify(exported)).not.toContain(theirs);

    const chat = readChatJsonl(new TextEncoder().encode(conversation.sillyTavernJsonl));
    expect(chat.userName).toBe("Kai Export");
    expect(chat.characterName).toBe("Noor");
    expect(chat.messages[1]).toMatchObject({ isUser: true, text: `I keep my bike at ${mine}.` });
    expect(chat.messages).toHaveLength(conversation.messages.length);
  }, 90_000);

  it("keeps the conversation's tree: which message each follows, which are on the path shown", async () => {
    await say("dev:ren", "I have a cat named Milo.");
    const streamId = conversationStreamId(userIdFor({ provider: "dev", subject: "dev:ren" }), agentId);
    const first = (await api.system.eventStore.readStream(streamId)).find(
      (e) => e.type === "UserMessageSent",
    );
    const messageId = (first!.data as { messageId: string }).messageId;
    const edit = `mutation($input: EditMessageInput!) { editMessage(input: $input) { __typename } }`;
    const input = { agentId, messageId, clientMessageId: randomUUID(), text: "I have a cat named Luna." };
    expect((await gql(api.url, edit, { input }, "dev:ren")).errors).toBeUndefined();
    await eventually(async () => {
      const events = await api.system.eventStore.readStream(streamId);
      return events.filter((e) => e.type === "AgentReplyCompleted").length === 2;
    });
    // The export lists conversations from the read models, which follow the events a moment later.
    let exported: Loose = {};
    await eventually(async () => {
      exported = (await gql(api.url, EXPORT, {}, "dev:ren")).data?.exportMyData as Loose;
      return (exported?.conversations?.[0]?.messages?.length ?? 0) >= 5;
    });
    const [conversation] = exported.conversations;
    const byText = (text: string) => conversation.messages.find((m: Loose) => m.text === text);
    expect(byText("I have a cat named Milo.")).toMatchObject({ onActivePath: false, hidden: false });
    expect(byText("I have a cat named Luna.")).toMatchObject({
      onActivePath: true,
      parentId: byText("I have a cat named Milo.").parentId,
    });
    const reply = conversation.messages.find(
      (m: Loose) => m.parentId === byText("I have a cat named Luna.").id,
    );
    expect(reply).toMatchObject({ from: "agent", onActivePath: true });
    const chat = readChatJsonl(new TextEncoder().encode(conversation.sillyTavernJsonl));
    expect(chat.messages.map((m) => m.text).slice(1)).toEqual(["I have a cat named Luna.", reply.text]);
  }, 90_000);

  it("refuses anyone not signed in", async () => {
    expect(codesOf(await gql(api.url, EXPORT, {}, null))).toEqual(["UNAUTHENTICATED"]);
  });
});
