import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { PATH_MUTATION, treeHarness } from "./treeHarness.ts";

const AS_OF = `query($agentId: ID!, $asOf: ConversationAsOfInput) { conversation(agentId: $agentId, asOf: $asOf) {
  asOf { revision at }
  state { affinity mood revision }
  messages(last: 50) { edges { node { id text siblingCount } } }
} }`;

let api: TestApi;
let agentId: string;
let tree: ReturnType<typeof treeHarness>;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Rui");
  tree = treeHarness(api, agentId);
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.length > 0);
});
afterAll(async () => api?.close());

const texts = (conversation: Loose) => conversation.messages.edges.map((e: Loose) => e.node.text);
/** What the person said and was answered, after the greeting that opened the conversation. */
const afterGreeting = (conversation: Loose) => texts(conversation).slice(1);

describe("conversation(asOf)", () => {
  it("returns the path, mood and affinity as they were at a revision or a time", async () => {
    const p = await tree.personWithTurns(3);
    const events = await api.system.eventStore.readStream(conversationStreamId(p.userId, agentId));
    const firstAffinity = events.find((e) => e.type === "AffinityChanged")!;
    const atFirst = await gql(
      api.url,
      AS_OF,
      { agentId, asOf: { revision: firstAffinity.revision } },
      p.token,
    );
    expect(atFirst.errors, JSON.stringify(atFirst.errors)).toBeUndefined();
    expect(atFirst.data!.conversation).toMatchObject({
      asOf: { revision: firstAffinity.revision },
      state: { affinity: 3, mood: "JOYFUL", revision: firstAffinity.revision },
    });
    expect(afterGreeting(atFirst.data!.conversation)).toEqual(["turn 0", "answer 0"]);

    const beforeBranch = events.at(-1)!.revision;
    await p.call(PATH_MUTATION("branchFrom"), { messageId: p.ids[0]!.reply, clientRequestId: randomUUID() });
    const then = await gql(api.url, AS_OF, { agentId, asOf: { revision: beforeBranch } }, p.token);
    expect(then.data!.conversation.state.affinity).toBe(9);
    expect(afterGreeting(then.data!.conversation)).toHaveLength(6);
    const now = await gql(
      api.url,
      AS_OF,
      { agentId, asOf: { at: new Date(Date.now() + 60_000).toISOString() } },
      p.token,
    );
    expect(now.data!.conversation.state.affinity).toBe(3);
    expect(afterGreeting(now.data!.conversation)).toEqual(["turn 0", "answer 0"]);

    const PAGE = `query($agentId: ID!, $asOf: ConversationAsOfInput, $before: String) {
      conversation(agentId: $agentId, asOf: $asOf) {
        messages(last: 2, before: $before) { edges { node { text } } pageInfo { hasPreviousPage startCursor } }
      }
    }`;
    const newest = await gql(api.url, PAGE, { agentId, asOf: { revision: beforeBranch } }, p.token);
    expect(texts(newest.data!.conversation)).toEqual(["turn 2", "answer 2"]);
    const { hasPreviousPage, startCursor } = newest.data!.conversation.messages.pageInfo;
    expect(hasPreviousPage).toBe(true);
    const older = await gql(
      api.url,
      PAGE,
      { agentId, asOf: { revision: beforeBranch }, before: startCursor },
      p.token,
    );
    expect(texts(older.data!.conversation)).toEqual(["turn 1", "answer 1"]);

    const before = await gql(api.url, AS_OF, { agentId, asOf: { at: "2001-01-01T00:00:00Z" } }, p.token);
    expect(before.data!.conversation).toMatchObject({
      asOf: { revision: -1, at: null },
      state: { affinity: 0 },
    });
    expect(texts(before.data!.conversation)).toEqual([]);
  });

  it("refuses both a time and a revision, neither, and a negative revision", async () => {
    const p = await tree.personWithTurns(1);
    for (const asOf of [{ at: new Date().toISOString(), revision: 1 }, {}, { revision: -2 }]) {
      const refused = await gql(api.url, AS_OF, { agentId, asOf }, p.token);
      expect(codesOf(refused), JSON.stringify(asOf)).toEqual(["BAD_USER_INPUT"]);
      // Neither is not "both": the message says what is missing.
      if (Object.keys(asOf).length === 0) expect(refused.errors![0]!.message).not.toMatch(/both/);
    }
  });

  it("lets an admin read another person's conversation as it was, and nobody else", async () => {
    const p = await tree.personWithTurns(2);
    const other = await tree.personWithTurns(1);
    const query = `query($agentId: ID!, $userId: ID, $asOf: ConversationAsOfInput) {
      conversation(agentId: $agentId, userId: $userId, asOf: $asOf) {
        state { affinity } messages(last: 20) { edges { node { text } } }
      }
    }`;
    const asAdmin = await gql(
      api.url,
      query,
      { agentId, userId: p.userId, asOf: { at: new Date(Date.now() + 60_000).toISOString() } },
      "dev",
    );
    expect(asAdmin.errors).toBeUndefined();
    expect(afterGreeting(asAdmin.data!.conversation)).toEqual(["turn 0", "answer 0", "turn 1", "answer 1"]);
    expect(asAdmin.data!.conversation.state.affinity).toBe(6);
    const asPerson = await gql(api.url, query, { agentId, userId: p.userId }, other.token);
    expect(codesOf(asPerson)).toEqual(["FORBIDDEN"]);
    const own = await gql(api.url, query, { agentId, userId: p.userId }, p.token);
    expect(own.errors).toBeUndefined();
  });
});
