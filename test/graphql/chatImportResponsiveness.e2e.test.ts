import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventLog } from "../../src/application/eventLog.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({}, ["api"]);
});
afterAll(async () => api?.close());

const IMPORT = `mutation($input: ImportChatInput!) { importChat(input: $input) { messages } }`;

/** A SillyTavern chat of 20,000 messages and 40,000 texts: each of the agent's has three swipes. */
function longChat(messages: number): Uint8Array {
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
  const lines = [JSON.stringify({ user_name: "Sam", character_name: "Long", chat_metadata: {} })];
  for (let i = 0; i < messages; i++) {
    const mes = `line ${i} of the chat, a sentence or two long`;
    const isUser = i % 2 === 1;
    const swipes = isUser ? {} : { swipes: [mes, `${mes} (b)`, `${mes} (c)`], swipe_id: 0 };
    lines.push(
      JSON.stringify({ name: isUser ? "Sam" : "Long", is_user: isUser, send_date: at(i), mes, ...swipes }),
    );
  }
  return new TextEncoder().encode(lines.join("\n"));
}

describe("a long chat import", () => {
  it("leaves the server answering other requests while it is decided and prepared for storing", async () => {
    const agentId = await createAgent(api.url, "Long");
    const bytes = longChat(20_000);
    // `/health` asked again and again from the import's first decided line until its answer.
    let answered = 0;
    let importing = true;
    let asking: Promise<void> | null = null;
    const askAgainAndAgain = async () => {
      while (importing) {
        const response = await fetch(`${api.url}/health`);
        await response.text();
        answered++;
      }
    };
    // How many answers had come when the import decided its first and last line, and when it
    // handed its events to the event log.
    const atDecisions: number[] = [];
    let atAppend: number | null = null;
    const decide = conversationDecider.decide;
    vi.spyOn(conversationDecider, "decide").mockImplementation((command, state) => {
      if (command.agentId === agentId && atAppend === null) {
        asking ??= askAgainAndAgain();
        atDecisions.push(answered);
      }
      return decide(command, state);
    });
    const append = EventLog.prototype.append;
    vi.spyOn(EventLog.prototype, "append").mockImplementation(function (this: EventLog, ...args) {
      if (args[0].endsWith(agentId) && args[1].length > 1_000) atAppend = answered;
      return append.apply(this, args);
    });

    const imported = await upload(
      api.url,
      IMPORT,
      { input: { agentId, file: null } },
      {
        at: "input.file",
        bytes,
        name: "long.jsonl",
      },
      "dev:sam",
    );
    const atAnswer = answered;
    importing = false;
    await asking;
    vi.restoreAllMocks();

    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importChat.messages).toBe(20_000);
    expect(atDecisions.length).toBeGreaterThan(20_000);
    // Answered while the lines were decided, while the events were folded and put in their
    // envelopes, and while they were sealed and stored.
    expect(atDecisions.at(-1)!).toBeGreaterThan(atDecisions[0]!);
    expect(atAppend).not.toBeNull();
    expect(atAppend!).toBeGreaterThan(atDecisions.at(-1)!);
    expect(atAnswer).toBeGreaterThan(atAppend!);
    const health = await gql(api.url, "{ __typename }");
    expect(health.status).toBe(200);
  }, 180_000);
});
