import { afterEach, describe, expect, it } from "vitest";
import { codesOf, createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi | undefined;
afterEach(async () => api?.close());

describe("reading one's own writes on a server just started on a fresh database", () => {
  it("shows an agent created at once to the next read, the first one included", async () => {
    api = await startTestApi();
    const agentId = await createAgent(api.url, "Vera");
    const read = await gql(api.url, "query($id: ID!) { agent(id: $id) { id name } }", { id: agentId }, "dev");
    expect(read.errors).toBeUndefined();
    expect(read.data?.agent).toEqual({ id: agentId, name: "Vera" });
  }, 60_000);
});

describe("a read that needs a read model whole, before the projector has built it", () => {
  it("asks to try again in a moment, with SERVICE_UNAVAILABLE rather than as a fault", async () => {
    api = await startTestApi({}, ["api"]);
    const exported = await gql(api.url, "{ exportMyData }", {}, "dev:early");
    expect(codesOf(exported)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(exported.errors?.[0]?.message).toBe("withme is still setting itself up; try again in a moment.");
  }, 60_000);
});
