import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: "4" });
  agentId = await createAgent(api.url, "Lio");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.length > 0);
});
afterAll(async () => api?.close());

const sentBy = async (token: string) =>
  (
    await api.system.eventStore.readStream(
      conversationStreamId(userIdFor({ provider: "dev", subject: token }), agentId),
    )
  ).filter((e) => e.type === "UserMessageSent").length;

/** One request that sends `count` messages under aliases. */
function aliasedSends(count: number) {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `m${i}: sendMessage(input: { agentId: $agentId, text: "flood ${i}", clientMessageId: "${randomUUID()}" }) { replyId }`,
  );
  return `mutation($agentId: ID!) { ${fields.join(" ")} }`;
}

describe("floods packed into one request", () => {
  it("count each aliased change: more than the limit in one request is RATE_LIMITED and sends nothing", async () => {
    const token = `dev:flood-${randomUUID().slice(0, 6)}`;
    const packed = await gql(api.url, aliasedSends(6), { agentId }, token);
    expect(codesOf(packed)).toEqual(["RATE_LIMITED"]);
    expect(await sentBy(token)).toBe(0);
  });

  it("count changes across requests by their fields, not by the requests", async () => {
    const token = `dev:pairs-${randomUUID().slice(0, 6)}`;
    const first = await gql(api.url, aliasedSends(3), { agentId }, token);
    expect(first.errors).toBeUndefined();
    const second = await gql(api.url, aliasedSends(2), { agentId }, token);
    expect(codesOf(second)).toEqual(["RATE_LIMITED"]);
    expect(await sentBy(token)).toBe(3);
  });

  it("count exports and a person's time travel, which read the whole log each time", async () => {
    const token = `dev:reader-${randomUUID().slice(0, 6)}`;
    const exports = `{ ${Array.from({ length: 5 }, (_, i) => `e${i}: exportMyData`).join(" ")} }`;
    expect(codesOf(await gql(api.url, exports, {}, token))).toEqual(["RATE_LIMITED"]);
    const chats = `query($agentId: ID!) { ${Array.from({ length: 5 }, (_, i) => `c${i}: exportChat(agentId: $agentId)`).join(" ")} }`;
    expect(codesOf(await gql(api.url, chats, { agentId }, `dev:chats-${randomUUID().slice(0, 6)}`))).toEqual([
      "RATE_LIMITED",
    ]);

    const traveller = `dev:traveller-${randomUUID().slice(0, 6)}`;
    const past = `query($agentId: ID!) { conversation(agentId: $agentId, asOf: { revision: 0 }) { agent { id } } }`;
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) codes.push(...codesOf(await gql(api.url, past, { agentId }, traveller)));
    expect(codes).toContain("RATE_LIMITED");
    // Reading the conversation as it is now costs nothing.
    const now = `query($agentId: ID!) { conversation(agentId: $agentId) { agent { id } } }`;
    const nowRead = await gql(api.url, now, { agentId }, traveller);
    expect(nowRead.errors, JSON.stringify(nowRead.errors)).toBeUndefined();
  });

  it("leaves an admin's time-travel slider free to move", async () => {
    const past = `query($agentId: ID!) { conversation(agentId: $agentId, asOf: { revision: 0 }) { agent { id } } }`;
    for (let i = 0; i < 8; i++) expect((await gql(api.url, past, { agentId }, "dev")).errors).toBeUndefined();
  });
});
