import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { MESSAGE_MAX } from "../../src/domain/conversation/limits.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
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
import { EDIT, PATH_MUTATION, REGENERATE, SEND } from "./treeHarness.ts";

/** The conversation tree, time travel, memories and privacy, tried as an attacker and a careless person would. */

const MESSAGES = `query($agentId: ID!, $userId: ID, $asOf: ConversationAsOfInput) {
  conversation(agentId: $agentId, userId: $userId, asOf: $asOf) {
    messages(last: 50) { edges { node { id kind text } } }
  }
}`;
const MEMORIES = `query($agentId: ID!, $userId: ID) { memories(agentId: $agentId, userId: $userId) { id text } }`;
const CORRECT = `mutation($input: CorrectMemoryInput!) { correctMemory(input: $input) { id text } }`;
const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { memoryId } }`;
const ERASE = "mutation($userId: ID!) { erasePerson(userId: $userId) }";
const PATH_MUTATIONS = ["chooseAlternative", "branchFrom", "hideMessage", "unhideMessage"];

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
  agentId = await createAgent(api.url, "Oda");
}, 60_000);
afterAll(async () => api?.close());

const idOf = (token: string) => userIdFor({ provider: "dev", subject: token });

async function internalErrors(): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const match = /withme_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function storedEvents(token: string): Promise<number> {
  return (await api.system.eventStore.readStream(conversationStreamId(idOf(token), agentId))).length;
}

/** A person who told the agent something unique and got the reply; the ids of both and the secret. */
async function personWhoConfided(token: string) {
  const secret = `Biscuit${randomUUID().slice(0, 6)}`;
  const sent = await gql(
    api.url,
    SEND,
    { input: { agentId, text: `I have a dog called ${secret}.`, clientMessageId: randomUUID() } },
    token,
  );
  expect(sent.errors).toBeUndefined();
  const messageId = sent.data!.sendMessage.message.id as string;
  const streamId = conversationStreamId(idOf(token), agentId);
  const replyId = await eventually(async () => {
    const done = (await api.system.eventStore.readStream(streamId)).find(
      (e) => e.type === "AgentReplyCompleted",
    );
    return done ? ((done.data as { replyId: string }).replyId ?? undefined) : undefined;
  }, 60_000);
  const memoryId = await eventually(async () => {
    const listed = (await gql(api.url, MEMORIES, { agentId }, token)).data?.memories as Loose[] | undefined;
    return listed?.[0]?.id as string | undefined;
  }, 60_000);
  return { secret, messageId, replyId, memoryId };
}

const messagesOf = async (token: string, extra: Record<string, unknown> = {}) =>
  (await gql(api.url, MESSAGES, { agentId, ...extra }, token)).data?.conversation.messages.edges.map(
    (e: Loose) => e.node,
  ) as Loose[];

describe("one person cannot reach another's conversation tree, memories or account", () => {
  const alice = `dev:alice-${randomUUID().slice(0, 6)}`;
  const bob = `dev:bob-${randomUUID().slice(0, 6)}`;
  let a: Awaited<ReturnType<typeof personWhoConfided>>;

  beforeAll(async () => {
    a = await personWhoConfided(alice);
    await gql(api.url, "{ me { id } }", {}, bob);
  }, 120_000);

  it("refuses every tree mutation on another person's message ids, changing nothing", async () => {
    const before = await storedEvents(alice);
    const aliceSees = await messagesOf(alice);
    const regenerate = await gql(
      api.url,
      REGENERATE,
      { input: { agentId, replyId: a.replyId, clientRequestId: randomUUID() } },
      bob,
    );
    expect(codesOf(regenerate)).toEqual(["NOT_FOUND"]);
    const edit = await gql(
      api.url,
      EDIT,
      { input: { agentId, messageId: a.messageId, text: "Bob wrote this", clientMessageId: randomUUID() } },
      bob,
    );
    expect(codesOf(edit)).toEqual(["NOT_FOUND"]);
    for (const name of PATH_MUTATIONS)
      for (const messageId of [a.messageId, a.replyId]) {
        const input = { agentId, messageId, clientRequestId: randomUUID() };
        expect(codesOf(await gql(api.url, PATH_MUTATION(name), { input }, bob)), name).toEqual(["NOT_FOUND"]);
      }
    expect(await storedEvents(alice)).toBe(before);
    expect(await messagesOf(alice)).toEqual(aliceSees);
    expect(JSON.stringify(await messagesOf(bob))).not.toContain(a.secret);
  });

  it("refuses another person's conversation now and in the past, to a person naming them", async () => {
    const aliceId = idOf(alice);
    for (const asOf of [undefined, { revision: 0 }, { at: new Date().toISOString() }]) {
      const read = await gql(api.url, MESSAGES, { agentId, userId: aliceId, asOf }, bob);
      expect(codesOf(read)).toEqual(["FORBIDDEN"]);
      expect(JSON.stringify(read)).not.toContain(a.secret);
    }
    const ownPast = await gql(api.url, MESSAGES, { agentId, asOf: { revision: 1_000_000 } }, bob);
    expect(JSON.stringify(ownPast)).not.toContain(a.secret);
  });

  it("refuses another person's memories by id and by userId", async () => {
    const aliceId = idOf(alice);
    expect(codesOf(await gql(api.url, MEMORIES, { agentId, userId: aliceId }, bob))).toEqual(["FORBIDDEN"]);
    const correct = { agentId, memoryId: a.memoryId, text: "Bob was here" };
    expect(codesOf(await gql(api.url, CORRECT, { input: correct }, bob))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await gql(api.url, CORRECT, { input: { ...correct, userId: aliceId } }, bob))).toEqual([
      "FORBIDDEN",
    ]);
    const forget = { agentId, memoryId: a.memoryId };
    expect(codesOf(await gql(api.url, FORGET, { input: forget }, bob))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await gql(api.url, FORGET, { input: { ...forget, userId: aliceId } }, bob))).toEqual([
      "FORBIDDEN",
    ]);
    const still = (await gql(api.url, MEMORIES, { agentId }, alice)).data!.memories as Loose[];
    expect(still.map((m) => m.id)).toContain(a.memoryId);
    expect(JSON.stringify(still)).toContain(a.secret);
  });

  it("exports only the viewer's own data and refuses erasing anyone to a person", async () => {
    const exported = await gql(api.url, "{ exportMyData }", {}, bob);
    expect(exported.errors).toBeUndefined();
    expect(JSON.stringify(exported.data)).not.toContain(a.secret);
    expect(JSON.stringify(exported.data)).not.toContain(idOf(alice));
    expect(codesOf(await gql(api.url, ERASE, { userId: idOf(alice) }, bob))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await gql(api.url, ERASE, { userId: idOf(bob) }, bob))).toEqual(["FORBIDDEN"]);
    expect((await gql(api.url, "{ me { id } }", {}, alice)).data?.me.id).toBe(idOf(alice));
  });

  it("sends another person's tree changes to no one else's subscription", async () => {
    const bobsEvents = collect(
      wsClient(api.wsUrl, bob),
      `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
        __typename ... on MessageAdded { message { text } } } }`,
      { agentId },
      () => false,
    );
    await listening(api, bob);
    const hidden = await gql(
      api.url,
      PATH_MUTATION("hideMessage"),
      { input: { agentId, messageId: a.messageId, clientRequestId: randomUUID() } },
      alice,
    );
    expect(hidden.errors).toBeUndefined();
    const own = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "Bob is here", clientMessageId: randomUUID() } },
      bob,
    );
    expect(own.errors).toBeUndefined();
    await eventually(async () =>
      bobsEvents.items.some((i) => i.conversationEvents.message?.text === "Bob is here"),
    );
    const kinds = bobsEvents.items.map((i) => i.conversationEvents.__typename);
    expect(kinds).not.toContain("MessageVisibilityChanged");
    expect(JSON.stringify(bobsEvents.items)).not.toContain(a.secret);
    await bobsEvents.client.dispose();
  });
});

describe("careless input to the tree and time travel: BAD_USER_INPUT or NOT_FOUND, nothing stored, no internal error", () => {
  const carla = `dev:carla-${randomUUID().slice(0, 6)}`;
  let c: Awaited<ReturnType<typeof personWhoConfided>>;

  beforeAll(async () => {
    c = await personWhoConfided(carla);
  }, 120_000);

  const edit = (text: unknown, messageId?: string) => ({
    query: EDIT,
    variables: {
      input: { agentId, messageId: messageId ?? c.messageId, text, clientMessageId: randomUUID() },
    },
  });
  const cases: [string, () => { query: string; variables: Record<string, unknown> }, string][] = [
    ["an empty edit", () => edit(""), "BAD_USER_INPUT"],
    ["an edit of spaces only", () => edit("   \n\t "), "BAD_USER_INPUT"],
    ["an edit over the message limit", () => edit("x".repeat(MESSAGE_MAX + 1)), "BAD_USER_INPUT"],
    ["an edit with a NUL byte", () => edit("a\u0000b"), "BAD_USER_INPUT"],
    ["an edit with a lone surrogate", () => edit("a\uD800b"), "BAD_USER_INPUT"],
    ["an edit with a number for text", () => edit(42), "BAD_USER_INPUT"],
    ["an edit of an unknown message", () => edit("hello", randomUUID()), "NOT_FOUND"],
    ["an edit of the agent's reply", () => edit("hello", c.replyId), "BAD_USER_INPUT"],
    [
      "a regenerate of an unknown reply",
      () => ({
        query: REGENERATE,
        variables: { input: { agentId, replyId: randomUUID(), clientRequestId: randomUUID() } },
      }),
      "NOT_FOUND",
    ],
    [
      "a regenerate of the person's own message",
      () => ({
        query: REGENERATE,
        variables: { input: { agentId, replyId: c.messageId, clientRequestId: randomUUID() } },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "a regenerate with an unknown agent",
      () => ({
        query: REGENERATE,
        variables: { input: { agentId: randomUUID(), replyId: c.replyId, clientRequestId: randomUUID() } },
      }),
      "NOT_FOUND",
    ],
    [
      "a request id with spaces",
      () => ({
        query: PATH_MUTATION("branchFrom"),
        variables: { input: { agentId, messageId: c.messageId, clientRequestId: "a b" } },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "a request id over 128 characters",
      () => ({
        query: PATH_MUTATION("hideMessage"),
        variables: { input: { agentId, messageId: c.messageId, clientRequestId: "r".repeat(129) } },
      }),
      "BAD_USER_INPUT",
    ],
    ...PATH_MUTATIONS.map((name): [string, () => Loose, string] => [
      `${name} of an unknown message`,
      () => ({
        query: PATH_MUTATION(name),
        variables: { input: { agentId, messageId: randomUUID(), clientRequestId: randomUUID() } },
      }),
      "NOT_FOUND",
    ]),
    [
      "a correction of an unknown memory",
      () => ({ query: CORRECT, variables: { input: { agentId, memoryId: randomUUID(), text: "x" } } }),
      "NOT_FOUND",
    ],
    [
      "an empty correction",
      () => ({ query: CORRECT, variables: { input: { agentId, memoryId: c.memoryId, text: " " } } }),
      "BAD_USER_INPUT",
    ],
    [
      "a correction over the limit",
      () => ({
        query: CORRECT,
        variables: { input: { agentId, memoryId: c.memoryId, text: "m".repeat(501) } },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "a correction with a lone surrogate",
      () => ({ query: CORRECT, variables: { input: { agentId, memoryId: c.memoryId, text: "\uDC00" } } }),
      "BAD_USER_INPUT",
    ],
    [
      "forgetting an unknown memory",
      () => ({ query: FORGET, variables: { input: { agentId, memoryId: randomUUID() } } }),
      "NOT_FOUND",
    ],
    [
      "time travel with both points",
      () => ({
        query: MESSAGES,
        variables: { agentId, asOf: { revision: 1, at: new Date().toISOString() } },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel with no point",
      () => ({ query: MESSAGES, variables: { agentId, asOf: {} } }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel to a negative revision",
      () => ({ query: MESSAGES, variables: { agentId, asOf: { revision: -1 } } }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel to a date that is not one",
      () => ({ query: MESSAGES, variables: { agentId, asOf: { at: "yesterday" } } }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel to a date that is not one, in the document",
      () => ({
        query: `query($agentId: ID!) { conversation(agentId: $agentId, asOf: { at: "soon" }) { agent { id } } }`,
        variables: { agentId },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "a page of the past before a cursor that is not one",
      () => ({
        query: `query($agentId: ID!) { conversation(agentId: $agentId, asOf: { revision: 3 }) {
          messages(last: 5, before: "not-a-cursor") { edges { node { id } } } } }`,
        variables: { agentId },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "a page before a cursor that is not one",
      () => ({
        query: `query($agentId: ID!) { conversation(agentId: $agentId) {
          messages(last: 5, before: "-1e999") { edges { node { id } } } } }`,
        variables: { agentId },
      }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel to a text revision",
      () => ({ query: MESSAGES, variables: { agentId, asOf: { revision: "3" } } }),
      "BAD_USER_INPUT",
    ],
    [
      "time travel with an unknown agent",
      () => ({ query: MESSAGES, variables: { agentId: randomUUID(), asOf: { revision: 0 } } }),
      "NOT_FOUND",
    ],
  ];

  it.each(cases)("%s", async (_name, request, code) => {
    const before = await storedEvents(carla);
    const internal = await internalErrors();
    const { query, variables } = request();
    const result = await gql(api.url, query, variables, carla);
    expect(codesOf(result)).toEqual([code]);
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(500);
    expect(await storedEvents(carla)).toBe(before);
    expect(await internalErrors()).toBe(internal);
    const memories = (await gql(api.url, MEMORIES, { agentId }, carla)).data!.memories as Loose[];
    expect(memories.map((m) => m.text).join()).toContain(c.secret);
  });
});

describe("the same client id is one request", () => {
  const dana = `dev:dana-${randomUUID().slice(0, 6)}`;
  let d: Awaited<ReturnType<typeof personWhoConfided>>;

  beforeAll(async () => {
    d = await personWhoConfided(dana);
  }, 120_000);

  it("refuses one request id reused for another kind of change, changing nothing", async () => {
    const clientRequestId = randomUUID();
    const hide = { agentId, messageId: d.replyId, clientRequestId };
    const hidden = await gql(api.url, PATH_MUTATION("hideMessage"), { input: hide }, dana);
    expect(hidden.errors).toBeUndefined();
    const again = await gql(api.url, PATH_MUTATION("hideMessage"), { input: hide }, dana);
    expect(again.data?.hideMessage).toMatchObject({
      duplicate: true,
      revision: hidden.data!.hideMessage.revision,
    });
    const before = await storedEvents(dana);
    for (const name of ["branchFrom", "unhideMessage", "chooseAlternative"]) {
      const reused = await gql(api.url, PATH_MUTATION(name), { input: hide }, dana);
      expect(codesOf(reused), name).toEqual(["CONFLICT"]);
    }
    const regenerate = await gql(
      api.url,
      REGENERATE,
      { input: { agentId, replyId: d.replyId, clientRequestId } },
      dana,
    );
    expect(codesOf(regenerate)).toEqual(["CONFLICT"]);
    expect(await storedEvents(dana)).toBe(before);
  });

  it("gives one result to the same hide sent twice at once", async () => {
    const input = { agentId, messageId: d.messageId, clientRequestId: randomUUID() };
    const before = await api.system.eventStore.readStream(conversationStreamId(idOf(dana), agentId));
    const results = await Promise.all(
      [1, 2, 3].map(() => gql(api.url, PATH_MUTATION("unhideMessage"), { input }, dana)),
    );
    const codes = results.flatMap((r) => codesOf(r));
    const after = await api.system.eventStore.readStream(conversationStreamId(idOf(dana), agentId));
    const visibility = (events: typeof after) =>
      events.filter((e) => e.type.includes("Visib") || e.type.includes("Hidden") || e.type.includes("Shown"))
        .length;
    // Not hidden: every one of the three is the same refusal, and nothing is written.
    expect(new Set(codes).size).toBe(1);
    expect(visibility(after)).toBe(visibility(before));
    const hide = { agentId, messageId: d.messageId, clientRequestId: randomUUID() };
    const hidden = await Promise.all(
      [1, 2, 3].map(() => gql(api.url, PATH_MUTATION("hideMessage"), { input: hide }, dana)),
    );
    for (const result of hidden) expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(new Set(hidden.map((r) => r.data!.hideMessage.revision)).size).toBe(1);
    const final = await api.system.eventStore.readStream(conversationStreamId(idOf(dana), agentId));
    expect(visibility(final)).toBe(visibility(before) + 1);
    const shown = await gql(
      api.url,
      PATH_MUTATION("unhideMessage"),
      { input: { ...hide, clientRequestId: randomUUID() } },
      dana,
    );
    expect(shown.errors).toBeUndefined();
  });

  it("gives one result to the same edit sent twice at once", async () => {
    const clientMessageId = randomUUID();
    const input = { agentId, messageId: d.messageId, text: "said at once, twice", clientMessageId };
    const [first, second] = await Promise.all([
      gql(api.url, EDIT, { input }, dana),
      gql(api.url, EDIT, { input }, dana),
    ]);
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    expect(second.errors, JSON.stringify(second.errors)).toBeUndefined();
    expect(second.data!.editMessage.message.id).toBe(first.data!.editMessage.message.id);
    const stored = await api.system.eventStore.readStream(conversationStreamId(idOf(dana), agentId));
    const edits = stored.filter((e) => JSON.stringify(e.data).includes("said at once, twice"));
    expect(edits.filter((e) => e.type === "UserMessageSent")).toHaveLength(1);
  });

  it("refuses an edit under the client id of a message already sent, changing nothing", async () => {
    const clientMessageId = randomUUID();
    const sent = await gql(api.url, SEND, { input: { agentId, text: "first words", clientMessageId } }, dana);
    expect(sent.errors).toBeUndefined();
    const edit = await gql(
      api.url,
      EDIT,
      { input: { agentId, messageId: d.messageId, text: "other words", clientMessageId } },
      dana,
    );
    expect(codesOf(edit)).toEqual(["CONFLICT"]);
    // The reply to the message sent still arrives meanwhile: look for the edit itself.
    const stored = await api.system.eventStore.readStream(conversationStreamId(idOf(dana), agentId));
    expect(JSON.stringify(stored)).not.toContain("other words");
    expect(JSON.stringify(await messagesOf(dana))).not.toContain("other words");
  });
});

describe("an erased person", () => {
  const erin = `dev:erin-${randomUUID().slice(0, 6)}`;
  let e: Awaited<ReturnType<typeof personWhoConfided>>;

  beforeAll(async () => {
    e = await personWhoConfided(erin);
    const erased = await gql(api.url, ERASE, { userId: idOf(erin) }, "dev");
    expect(erased.data?.erasePerson).toBe(true);
  }, 120_000);

  it("reaches nothing of theirs through any operation: the same sign-in is a new, empty account", async () => {
    const requests: [string, Record<string, unknown>][] = [
      [MESSAGES, { agentId }],
      [MESSAGES, { agentId, asOf: { revision: 0 } }],
      [MEMORIES, { agentId }],
      ["{ exportMyData }", {}],
      ["mutation { deleteMyAccount { dueAt } }", {}],
      ["mutation { cancelAccountDeletion }", {}],
      [CORRECT, { input: { agentId, memoryId: e.memoryId, text: "changed" } }],
      [FORGET, { input: { agentId, memoryId: e.memoryId } }],
      [REGENERATE, { input: { agentId, replyId: e.replyId, clientRequestId: randomUUID() } }],
      [EDIT, { input: { agentId, messageId: e.messageId, text: "again", clientMessageId: randomUUID() } }],
      ...PATH_MUTATIONS.map((name): [string, Record<string, unknown>] => [
        PATH_MUTATION(name),
        { input: { agentId, messageId: e.messageId, clientRequestId: randomUUID() } },
      ]),
    ];
    const before = await storedEvents(erin);
    for (const [query, variables] of requests) {
      const result = await gql(api.url, query, variables, erin);
      expect(JSON.stringify(result), query).not.toContain(e.secret);
      if (result.errors) expect(codesOf(result), query).toEqual(["NOT_FOUND"]);
    }
    expect(await storedEvents(erin)).toBe(before);
    const me = await gql(api.url, "{ me { id } }", {}, erin);
    expect(me.data?.me.id).not.toBe(idOf(erin));
    expect((await gql(api.url, MEMORIES, { agentId }, erin)).data?.memories).toEqual([]);
  });

  it("is in no answer an admin gets: conversation, its past, memories, or the list of people", async () => {
    const userId = idOf(erin);
    // The read models drop the person's rows as they read PersonErased, just after the erasure.
    const clean = await eventually(async () => {
      const answers = [
        await gql(api.url, MESSAGES, { agentId, userId }, "dev"),
        await gql(api.url, MESSAGES, { agentId, userId, asOf: { revision: 100 } }, "dev"),
        await gql(api.url, MESSAGES, { agentId, userId, asOf: { at: new Date().toISOString() } }, "dev"),
        await gql(api.url, MEMORIES, { agentId, userId }, "dev"),
        await gql(
          api.url,
          `query($agentId: ID!) { conversationsWithAgent(agentId: $agentId) { userId } }`,
          { agentId },
          "dev",
        ),
      ];
      return answers.every((answer) => !JSON.stringify(answer).includes(e.secret)) ? answers : undefined;
    }, 60_000);
    expect(clean[3]!.data?.memories ?? []).toEqual([]);
    expect(codesOf(await gql(api.url, ERASE, { userId }, "dev"))).toEqual([]);
    expect((await gql(api.url, ERASE, { userId }, "dev")).data?.erasePerson).toBe(false);
  });

  it("tells an admin erasing someone who never signed in that no such person is found", async () => {
    const unknown = await gql(api.url, ERASE, { userId: idOf("dev:never-came") }, "dev");
    expect(codesOf(unknown)).toEqual(["NOT_FOUND"]);
    expect(unknown.errors?.[0]?.message).toBe("No such person: they never signed in.");
  });

  it("has memories no admin can change any more", async () => {
    const userId = idOf(erin);
    const internal = await internalErrors();
    const before = await storedEvents(erin);
    const correct = await gql(
      api.url,
      CORRECT,
      { input: { agentId, memoryId: e.memoryId, text: "x", userId } },
      "dev",
    );
    expect(codesOf(correct), JSON.stringify(correct)).toEqual(["NOT_FOUND"]);
    const forget = await gql(api.url, FORGET, { input: { agentId, memoryId: e.memoryId, userId } }, "dev");
    expect(codesOf(forget), JSON.stringify(forget)).toEqual(["NOT_FOUND"]);
    expect(await storedEvents(erin)).toBe(before);
    expect(await internalErrors()).toBe(internal);
  });

  it("cannot be erased by an admin when never registered, or with an empty id", async () => {
    expect(codesOf(await gql(api.url, ERASE, { userId: randomUUID() }, "dev"))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await gql(api.url, ERASE, { userId: " " }, "dev"))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("subscriptions, authorised and checked like queries", () => {
  const LIVE = `subscription($agentId: ID!, $afterRevision: Int) {
    conversationEvents(agentId: $agentId, afterRevision: $afterRevision) { __typename } }`;

  it.each([
    ["an unknown agent", () => ({ agentId: randomUUID() }), "NOT_FOUND"],
    ["a negative revision", () => ({ agentId, afterRevision: -5 }), "BAD_USER_INPUT"],
    ["a NUL in the agent id", () => ({ agentId: `${agentId}\u0000` }), "BAD_USER_INPUT"],
    ["a text revision", () => ({ agentId, afterRevision: "7" }), "BAD_USER_INPUT"],
  ] as const)("refuses %s", async (_name, variables, code) => {
    const internal = await internalErrors();
    const client = wsClient(api.wsUrl, `dev:live-${randomUUID().slice(0, 6)}`);
    const live = collect(client, LIVE, variables(), () => false);
    const refused = await live.finished.then(
      () => [],
      (error: Loose) =>
        (Array.isArray(error) ? error : (error.errors ?? [])).map((e: Loose) => e.extensions?.code),
    );
    expect(refused).toEqual([code]);
    expect(await internalErrors()).toBe(internal);
    await client.dispose();
  });
});
