import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const token = "dev:erased-midway";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Ivo");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, token)).data?.agents.length > 0);
});
afterAll(async () => api?.close());

describe("a person's erasure under way", () => {
  it("refuses their messages with NOT_FOUND while it waits for a write already in flight", async () => {
    const send = (n: number) =>
      gql(api.url, SEND, { input: { agentId, text: `message ${n}`, clientMessageId: `erased-${n}` } }, token);
    expect((await send(1)).errors).toBeUndefined();
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data?.me.id as string;
    const keys = api.system.privacy.keys;
    let finishWrite = () => {};
    const inFlight = keys.during([userId], () => new Promise<void>((resolve) => (finishWrite = resolve)));
    const destroying = keys.destroy(userId, new Date());
    expect(keys.isDestroying(userId)).toBe(true);

    const second = await send(2);
    expect(codesOf(second)).toEqual(["NOT_FOUND"]);
    finishWrite();
    await Promise.all([inFlight, destroying]);
    // Once erased, the same sign-in starts a new account, which holds nothing of the old one.
    expect((await send(3)).errors).toBeUndefined();
    const again = (await gql(api.url, "{ me { id } }", {}, token)).data?.me.id as string;
    expect(again).not.toBe(userId);
  });
});
