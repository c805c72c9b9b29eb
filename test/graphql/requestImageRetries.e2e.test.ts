import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

const REQUEST = `mutation R($input: RequestImageInput!) { requestImage(input: $input) { duplicate message { id } } }`;

let api: TestApi;
let agentId: string;
const token = "dev:painter";

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Ines");
});
afterAll(async () => api?.close());

describe("requestImage is idempotent by its clientRequestId", () => {
  it("a retry answers as the first request did; the same id for another picture is a conflict naming that id", async () => {
    const ask = (prompt: string) =>
      gql(api.url, REQUEST, { input: { agentId, clientRequestId: "pic-1", prompt } }, token);
    const first = (await ask("a beach at dawn")).data!.requestImage as Loose;
    const again = (await ask("a beach at dawn")).data!.requestImage as Loose;
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ duplicate: true, message: first.message });
    const other = await ask("a mountain");
    const error = other.errors?.[0] as Loose;
    expect(error.extensions.code).toBe("CONFLICT");
    expect(error.message).toMatch(/clientRequestId/);
    expect(error.message).not.toMatch(/client message id/);
  });
});
