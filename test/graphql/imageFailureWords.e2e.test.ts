import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, gql, startTestApi, type TestApi } from "./apiHarness.ts";
import { reactorStandIn } from "./reactorStandIn.ts";

const JOB = `query($id: ID!) { imageJob(id: $id) { status failureReason failureMessage } }`;
const PROVIDER_WORDS =
  "fal refused the job: image_urls[0]: could not fetch https://withme.internal:4000/media/agents/a/p.png?signature=x";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe("a picture that failed, as the person sees it", () => {
  it("says in plain words what went wrong, and keeps the provider's own words for admins", async () => {
    const agentId = await createAgent(api.url, "Ines");
    const userId = (await gql(api.url, "{ me { id } }", {}, "dev:fay")).data!.me.id as string;
    const imageJobId = crypto.randomUUID();
    const reactor = reactorStandIn(api.system, userId, agentId);
    await reactor.imageJob(imageJobId, {
      type: "RequestImageJob",
      kind: "variation",
      agentId,
      userId,
      prompt: "a selfie at the market",
      basePortraitUrl: "/media/agents/a/p.png",
      requestedBy: "reactor:image",
      maxAttempts: 1,
    });
    await reactor.imageJob(imageJobId, {
      type: "SubmitImageJob",
      provider: "fal",
      providerRequestId: "r-1",
      attempt: 1,
    });
    await reactor.imageJob(imageJobId, {
      type: "FailImageJob",
      attempt: 1,
      reason: "rejected",
      message: PROVIDER_WORDS,
      retryable: false,
    });
    const seen = (await gql(api.url, JOB, { id: imageJobId }, "dev:fay")).data!.imageJob;
    expect(seen).toEqual({
      status: "FAILED",
      failureReason: "rejected",
      failureMessage: "The picture service turned this picture down.",
    });
    const admin = (await gql(api.url, JOB, { id: imageJobId }, "dev")).data!.imageJob;
    expect(admin.failureMessage).toBe(PROVIDER_WORDS);
  });
});
