import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EventLog } from "../../src/application/eventLog.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

let api: TestApi;

beforeAll(async () => {
  // A long history read is charged per thousand events: room for it after the import.
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "1000" });
});
afterAll(async () => api?.close());

const IMPORT = `mutation($input: ImportChatInput!) { importChat(input: $input) { messages } }`;

/** A SillyTavern chat of `messages` messages; with `swipes`, each of the agent's has three. */
function longChat(messages: number, swipes: boolean): Uint8Array {
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString();
  const lines = [JSON.stringify({ user_name: "Sam", character_name: "Long", chat_metadata: {} })];
  for (let i = 0; i < messages; i++) {
    const mes = `line ${i} of the chat, a sentence or two long`;
    const isUser = i % 2 === 1;
    const others = isUser || !swipes ? {} : { swipes: [mes, `${mes} (b)`, `${mes} (c)`], swipe_id: 0 };
    lines.push(
      JSON.stringify({ name: isUser ? "Sam" : "Long", is_user: isUser, send_date: at(i), mes, ...others }),
    );
  }
  return new TextEncoder().encode(lines.join("\n"));
}

function importChat(agentId: string, bytes: Uint8Array, token: string) {
  const file = { at: "input.file", bytes, name: "long.jsonl" };
  return upload(api.url, IMPORT, { input: { agentId, file: null } }, file, token);
}

/**
 * `/health` asked on a connection of its own: on a loaded machine a kept-alive connection can be
 * closed by the server's idle timer just as the next request goes out on it.
 */
function askHealth(): Promise<void> {
  return new Promise((resolve, reject) => {
    get(`${api.url}/health`, { agent: false }, (response) => {
      response.resume();
      response.on("end", resolve);
      response.on("error", reject);
    }).on("error", reject);
  });
}

/** `/health` asked again and again, each time once answered, from `start()` until `stop()`. */
function healthAsker() {
  let answered = 0;
  let asking = true;
  let loop: Promise<void> | null = null;
  const ask = async () => {
    while (asking) {
      await askHealth();
      answered++;
    }
  };
  return {
    answered: () => answered,
    start: () => {
      loop ??= ask();
      // A failed ask fails the test at `stop()`, not as an unhandled rejection before it.
      loop.catch(() => {});
    },
    stop: async () => {
      asking = false;
      await loop;
    },
  };
}

describe("long work on one person's request", () => {
  it("a read of a conversation as it was, through a history of tens of thousands of events, leaves it answering", async () => {
    const agentId = await createAgent(api.url, "Longer");
    const ASKED = `query($agentId: ID!) { conversation(agentId: $agentId) { agent { id } } }`;
    await eventually(
      async () => (await gql(api.url, ASKED, { agentId }, "dev:kim")).data?.conversation,
      60_000,
    );
    const imported = await importChat(agentId, longChat(20_000, false), "dev:kim");
    expect(imported.errors).toBeUndefined();
    const health = healthAsker();
    // How many answers had come at each event the read folded.
    const atFolds: number[] = [];
    const evolve = conversationDecider.evolve;
    vi.spyOn(conversationDecider, "evolve").mockImplementation((state, event) => {
      if ("streamId" in event && String(event.streamId).endsWith(agentId)) {
        health.start();
        atFolds.push(health.answered());
      }
      return evolve(state, event);
    });

    const read = await gql(
      api.url,
      `query($agentId: ID!) { conversation(agentId: $agentId, asOf: {revision: 100000}) { messages(last: 1) { edges { node { text } } } } }`,
      { agentId },
      "dev:kim",
    );
    await health.stop();
    vi.restoreAllMocks();

    expect(read.errors).toBeUndefined();
    expect(read.data!.conversation.messages.edges[0].node.text).toBe(
      "line 19999 of the chat, a sentence or two long",
    );
    expect(atFolds.length).toBeGreaterThan(20_000);
    expect(atFolds.at(-1)!).toBeGreaterThan(atFolds[0]!);

    // The chat exported: answered between the read of its history and the file's answer.
    const exporting = healthAsker();
    let atRead: number | null = null;
    const readStream = EventLog.prototype.readStream;
    vi.spyOn(EventLog.prototype, "readStream").mockImplementation(async function (this: EventLog, ...args) {
      const events = await readStream.apply(this, args);
      if (args[0].endsWith(agentId) && events.length > 1_000) {
        exporting.start();
        atRead = exporting.answered();
      }
      return events;
    });
    const exported = await gql(
      api.url,
      `query($agentId: ID!) { exportChat(agentId: $agentId) }`,
      { agentId },
      "dev:kim",
    );
    const atExport = exporting.answered();
    await exporting.stop();
    vi.restoreAllMocks();
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.exportChat.trim().split("\n")).toHaveLength(20_001);
    expect(atRead).not.toBeNull();
    expect(atExport).toBeGreaterThan(atRead!);
  }, 240_000);

  it("a chat of 40,000 texts leaves the server answering while it is decided and prepared for storing", async () => {
    const agentId = await createAgent(api.url, "Long");
    const bytes = longChat(20_000, true);
    const health = healthAsker();
    // How many answers had come when the import decided each line, and when it handed its events
    // to the event log.
    const atDecisions: number[] = [];
    let atAppend: number | null = null;
    const decide = conversationDecider.decide;
    vi.spyOn(conversationDecider, "decide").mockImplementation((command, state) => {
      if (command.agentId === agentId && atAppend === null) {
        health.start();
        atDecisions.push(health.answered());
      }
      return decide(command, state);
    });
    const append = EventLog.prototype.append;
    vi.spyOn(EventLog.prototype, "append").mockImplementation(function (this: EventLog, ...args) {
      if (args[0].endsWith(agentId) && args[1].length > 1_000) atAppend = health.answered();
      return append.apply(this, args);
    });

    const imported = await importChat(agentId, bytes, "dev:sam");
    const atAnswer = health.answered();
    await health.stop();
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
  }, 240_000);
});
