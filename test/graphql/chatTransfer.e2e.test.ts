import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatJsonl } from "../../src/application/cards/chatJsonl.ts";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Mira");
});
afterAll(async () => api?.close());

const IMPORT = `mutation($input: ImportChatInput!) { importChat(input: $input) { agentId messages warnings } }`;
const EXPORT = `query($agentId: ID!, $userId: ID) { exportChat(agentId: $agentId, userId: $userId) }`;
const chat = () => ({ at: "input.file", bytes: fixtureBytes("chat.jsonl"), name: "chat.jsonl" });

describe("SillyTavern chats through the API", () => {
  it("imports a chat into a person's conversation and exports the same path and swipes", async () => {
    const imported = await upload(api.url, IMPORT, { input: { agentId, file: null } }, chat(), "dev:sam");
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importChat.messages).toBe(4);
    expect(imported.data!.importChat.warnings).toEqual([]);
    const original = readChatJsonl(fixtureBytes("chat.jsonl"));
    const listed = await eventually(async () => {
      const result = await gql(
        api.url,
        `query($id: ID!) { conversation(agentId: $id) { messages(last: 20) { edges { node { role text createdAt } } } } }`,
        { id: agentId },
        "dev:sam",
      );
      const edges = result.data?.conversation.messages.edges ?? [];
      return edges.length === 4 ? edges.map((e: Loose) => e.node) : undefined;
    }, 30_000);
    expect(listed.map((m: Loose) => m.text)).toEqual(original.messages.map((m) => m.text));
    expect(listed[1].createdAt).toBe(original.messages[1]!.sentAt);

    const exported = await gql(api.url, EXPORT, { agentId }, "dev:sam");
    const back = readChatJsonl(new TextEncoder().encode(exported.data!.exportChat));
    // The header goes back out as the file had it, not with the agent's name ("Mira") and `{}`.
    const headerOf = (jsonl: string) => {
      const { user_name, character_name, chat_metadata } = JSON.parse(jsonl.split("\n")[0]!);
      return { user_name, character_name, chat_metadata };
    };
    const file = new TextDecoder().decode(fixtureBytes("chat.jsonl"));
    expect(headerOf(exported.data!.exportChat)).toEqual(headerOf(file));
    expect(back.characterName).toBe("Mira Voss");
    expect(back.metadata).toEqual({ note_prompt: "", note_interval: 1 });
    expect(back.createdAt).toBe(original.createdAt);
    // send_date goes out as SillyTavern writes it, to the minute.
    const toMinute = (instant: string | null) => instant?.replace(/:\d\d\.\d{3}Z$/, ":00.000Z");
    expect(back.messages.map((m) => [m.isUser, m.text, m.sentAt])).toEqual(
      original.messages.map((m) => [m.isUser, m.text, toMinute(m.sentAt)]),
    );
    const greeting = original.messages[0]!;
    expect(greeting.swipes.length).toBeGreaterThan(1);
    expect(back.messages[0]!.swipes).toEqual(greeting.swipes);
    expect(back.messages[0]!.swipeIndex).toBe(greeting.swipeIndex);
    const reply = original.messages[2]!;
    expect(back.messages[2]!.swipes).toEqual(reply.swipes);
    expect(back.messages[2]!.swipeIndex).toBe(reply.swipeIndex);

    expect(codesOf(await gql(api.url, EXPORT, { agentId: "no-such-agent" }, "dev:sam"))).toEqual([
      "NOT_FOUND",
    ]);
    const byAdmin = await gql(api.url, EXPORT, { agentId, userId: await userIdOf("dev:sam") }, "dev");
    expect(byAdmin.data!.exportChat).toBe(exported.data!.exportChat);

    // The person's data export carries the file's header too, with withme's own note added.
    const data = await eventually(async () => {
      const attempt = await gql(api.url, "{ exportMyData }", {}, "dev:sam");
      return attempt.data?.exportMyData.conversations.length === 1 ? attempt.data.exportMyData : undefined;
    }, 30_000);
    expect(JSON.parse(data.conversations[0].sillyTavernJsonl.split("\n")[0])).toMatchObject({
      user_name: "Sam",
      character_name: "Mira Voss",
      chat_metadata: { note_prompt: "", note_interval: 1, withme: { agentId } },
    });
  });

  it("answers a retried import as the first one, and writes nothing more", async () => {
    const samId = await userIdOf("dev:sam");
    const stream = `conversation-${samId}-${agentId}`;
    const before = (await api.system.eventStore.readStream(stream)).length;
    const again = await upload(api.url, IMPORT, { input: { agentId, file: null } }, chat(), "dev:sam");
    expect(again.errors).toBeUndefined();
    expect(again.data!.importChat).toEqual({ agentId, messages: 4, warnings: [] });
    expect((await api.system.eventStore.readStream(stream)).length).toBe(before);
  });

  it("refuses another file, a broken file, someone else's conversation and an unknown agent", async () => {
    const other = readChatJsonl(fixtureBytes("chat.jsonl"));
    const otherFile = new TextEncoder().encode(
      `${new TextDecoder().decode(fixtureBytes("chat.jsonl")).trimEnd()}\n${JSON.stringify({ name: "Sam", is_user: true, send_date: "2024-01-01T10:00:00.000Z", mes: "One more." })}\n`,
    );
    expect(other.messages.length).toBe(4);
    expect(
      codesOf(
        await upload(
          api.url,
          IMPORT,
          { input: { agentId, file: null } },
          { at: "input.file", bytes: otherFile, name: "other.jsonl" },
          "dev:sam",
        ),
      ),
    ).toEqual(["CONFLICT"]);
    const broken = { at: "input.file", bytes: new TextEncoder().encode("not json\n"), name: "x.jsonl" };
    expect(
      codesOf(await upload(api.url, IMPORT, { input: { agentId, file: null } }, broken, "dev:kim")),
    ).toEqual(["BAD_USER_INPUT"]);
    const samId = await userIdOf("dev:sam");
    expect(
      codesOf(
        await upload(api.url, IMPORT, { input: { agentId, file: null, userId: samId } }, chat(), "dev:kim"),
      ),
    ).toEqual(["FORBIDDEN"]);
    expect(
      codesOf(await upload(api.url, IMPORT, { input: { agentId: "nobody", file: null } }, chat(), "dev:kim")),
    ).toEqual(["NOT_FOUND"]);
  });

  it("imports a chat where the person wrote twice before the character answered", async () => {
    const lines = [
      { user_name: "Lee", character_name: "Mira", create_date: "2024-01-01@10h00m00s" },
      { name: "Lee", is_user: true, send_date: "2024-01-01T10:00:00.000Z", mes: "Hello?" },
      { name: "Lee", is_user: true, send_date: "2024-01-01T10:00:30.000Z", mes: "Anyone in?" },
      { name: "Mira", is_user: false, send_date: "2024-01-01T10:01:00.000Z", mes: "Right here." },
      { name: "Narrator", is_system: true, send_date: "2024-01-01T10:01:10.000Z", mes: "Rain falls." },
      { name: "Lee", is_user: true, send_date: "2024-01-01T10:01:20.000Z", mes: "  " },
    ];
    const file = {
      at: "input.file",
      bytes: new TextEncoder().encode(`${lines.map((line) => JSON.stringify(line)).join("\n")}\n`),
      name: "twice.jsonl",
    };
    const imported = await upload(api.url, IMPORT, { input: { agentId, file: null } }, file, "dev:lee");
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importChat.warnings).toEqual([
      "Skipped 1 system or narrator message.",
      "Skipped 1 blank message.",
      "Joined 1 message of the person to the one before: here the agent answers each message.",
    ]);
    expect(imported.data!.importChat.messages).toBe(2);
    const texts = await eventually(async () => {
      const result = await gql(
        api.url,
        `query($id: ID!) { conversation(agentId: $id) { messages(last: 20) { edges { node { text } } } } }`,
        { id: agentId },
        "dev:lee",
      );
      const edges = result.data?.conversation.messages.edges ?? [];
      return edges.length === 2 ? edges.map((e: Loose) => e.node.text) : undefined;
    }, 30_000);
    expect(texts).toEqual(["Hello?\n\nAnyone in?", "Right here."]);
  });
});

describe("an imported chat's header", () => {
  const jsonl = (lines: object[]) =>
    new TextEncoder().encode(`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  const body = [
    { name: "Mira", is_user: false, send_date: "2024-01-01T10:00:00.000Z", mes: "Hello." },
    { name: "Ria", is_user: true, send_date: "2024-01-01T10:01:00.000Z", mes: "Hi." },
  ];
  const exportedHeader = async (token: string) => {
    const exported = await gql(api.url, EXPORT, { agentId }, token);
    expect(exported.errors).toBeUndefined();
    return JSON.parse((exported.data!.exportChat as string).split("\n")[0]!);
  };

  it("leaves out metadata over 64 KB with a warning, and keeps the names", async () => {
    const header = {
      user_name: "Ria R.",
      character_name: "Mira of the Clocks",
      create_date: "2024-01-01@10h00m00s",
      chat_metadata: { note_prompt: "x".repeat(70 * 1024) },
    };
    const file = { at: "input.file", bytes: jsonl([header, ...body]), name: "big.jsonl" };
    const imported = await upload(api.url, IMPORT, { input: { agentId, file: null } }, file, "dev:ria");
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importChat.warnings).toEqual([
      "Left out the chat's metadata: it is 71 KB, the limit is 64 KB.",
    ]);
    expect(await exportedHeader("dev:ria")).toMatchObject({
      user_name: "Ria R.",
      character_name: "Mira of the Clocks",
      chat_metadata: {},
    });
  });

  it("writes the agent's name when the file had no header", async () => {
    const file = { at: "input.file", bytes: jsonl(body), name: "bare.jsonl" };
    const imported = await upload(api.url, IMPORT, { input: { agentId, file: null } }, file, "dev:noa");
    expect(imported.errors).toBeUndefined();
    expect(await exportedHeader("dev:noa")).toMatchObject({ character_name: "Mira", chat_metadata: {} });
  });

  it("offers only the agents the person has not talked to, and refuses one they have with a clear code", async () => {
    const LIST = `query($userId: ID) { chatImportAgents(userId: $userId) { id name } }`;
    const names = async (token: string, userId?: string) =>
      (
        (await gql(api.url, LIST, userId ? { userId } : {}, token)).data!.chatImportAgents as {
          name: string;
        }[]
      ).map((a) => a.name);
    const nova = await createAgent(api.url, "Nova");
    expect(await names("dev:lee")).toContain("Nova");
    const imported = await upload(
      api.url,
      IMPORT,
      { input: { agentId: nova, file: null } },
      chat(),
      "dev:lee",
    );
    expect(imported.errors).toBeUndefined();
    expect(await names("dev:lee")).not.toContain("Nova");
    expect(await names("dev", await userIdOf("dev:lee"))).not.toContain("Nova");
    expect(await names("dev:kim")).toContain("Nova");
    const leeId = await userIdOf("dev:lee");
    expect(codesOf(await gql(api.url, LIST, { userId: leeId }, "dev:kim"))).toEqual(["FORBIDDEN"]);

    const other = new TextEncoder().encode(
      new TextDecoder().decode(fixtureBytes("chat.jsonl")).replace("We're closed.", "We're open."),
    );
    const refused = await upload(
      api.url,
      IMPORT,
      { input: { agentId: nova, file: null } },
      { at: "input.file", bytes: other, name: "other.jsonl" },
      "dev:lee",
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      reason: "ConversationAlreadyStarted",
    });
  });

  it("imports a chat written with another character into the chosen agent, and warns naming both", async () => {
    const theo = await createAgent(api.url, "Theo");
    const imported = await upload(
      api.url,
      IMPORT,
      { input: { agentId: theo, file: null } },
      chat(),
      "dev:ada",
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importChat.messages).toBe(4);
    expect(imported.data!.importChat.warnings).toEqual([
      "This chat was written with Mira Voss, not Theo; it was imported into your conversation with Theo all the same.",
    ]);
  });
});

async function userIdOf(token: string): Promise<string> {
  return (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
}
