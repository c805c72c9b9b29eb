import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FalImageGenerator } from "../../../src/adapters/fal/falImageGenerator.ts";
import { FalWebhookVerifier } from "../../../src/adapters/fal/falWebhookVerifier.ts";
import { download } from "../../../src/application/media/download.ts";
import {
  ImageJobRejectedError,
  type ImageJobStatus,
  type SubmittedImageJob,
  type WebhookVerdict,
} from "../../../src/ports/imageGenerator.ts";
import { type FalFake, startFalFake } from "../../support/fakes/falFake.ts";

let fake: FalFake;
let generator: FalImageGenerator;
let receiver: Server;
let webhookUrl: string;
const verdicts: WebhookVerdict[] = [];

function makeGenerator(overrides: Partial<ConstructorParameters<typeof FalImageGenerator>[0]> = {}) {
  return new FalImageGenerator({
    credentials: fake.apiKey,
    apiBaseUrl: fake.url,
    verifier: new FalWebhookVerifier({ jwksUrl: fake.jwksUrl }),
    retry: { maxRetries: 0 },
    ...overrides,
  });
}

beforeAll(async () => {
  fake = await startFalFake();
  generator = makeGenerator();
  // Stands in for `POST /webhooks/fal`: the raw body goes to the adapter untouched.
  receiver = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const verdict = await generator.parseWebhook(request.headers, Buffer.concat(chunks));
    verdicts.push(verdict);
    response.writeHead(verdict.accepted ? 200 : verdict.reason === "KeysUnavailable" ? 503 : 401).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/fal`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await fake.close();
});

async function pollToEnd(job: SubmittedImageJob, gen = generator): Promise<ImageJobStatus[]> {
  const seen: ImageJobStatus[] = [];
  for (let i = 0; i < 10; i += 1) {
    const status = await gen.status(job);
    seen.push(status);
    if (status.state === "succeeded" || status.state === "failed") return seen;
  }
  throw new Error("the job never finished");
}

describe("FalImageGenerator against a fake of fal's queue", () => {
  it("submits a base portrait to Flux and follows it by polling to an image it can download", async () => {
    const job = await generator.submit({
      kind: "basePortrait",
      prompt: "short black hair, green eyes",
      seed: 42,
    });
    expect(job).toMatchObject({ model: "fal-ai/flux/dev", webhookExpected: false });
    const sent = fake.requests.find((r) => r.id === job.providerRequestId)!;
    expect(sent.endpoint).toBe("fal-ai/flux/dev");
    expect(sent.webhookUrl).toBeNull();
    expect(sent.input).toMatchObject({ seed: 42, image_size: "square_hd", num_images: 1 });
    expect(String(sent.input.prompt)).toContain("short black hair, green eyes");

    const seen = await pollToEnd(job);
    expect(seen.map((s) => s.state)).toEqual(["queued", "queued", "running", "succeeded"]);
    expect(seen.slice(0, 2).map((s) => s.queuePosition)).toEqual([1, 0]);
    expect(seen[2]!.logs).toEqual(["loading model"]);
    const result = seen[3]!.result;
    expect(result).toMatchObject({ source: "url", contentType: "image/png", width: 64, height: 64 });
    if (result?.source !== "url") throw new Error("expected a URL");
    // The fake serves the picture on loopback, which the default fetch refuses.
    const image = await download(result.url, { maxBytes: 1_000_000, allowedTypes: ["image/png"], fetch });
    expect(image).toMatchObject({ contentType: "image/png", width: 64, height: 64 });
  });

  it("sends variations to the edit model with the base portrait, and honours a configured model id", async () => {
    const job = await generator.submit({
      kind: "variation",
      prompt: "on a beach at sunset",
      basePortraitUrl: "https://cdn.example/base.png",
      seed: 7,
    });
    const sent = fake.requests.find((r) => r.id === job.providerRequestId)!;
    expect(sent.endpoint).toBe("fal-ai/nano-banana/edit");
    expect(sent.input).toMatchObject({ image_urls: ["https://cdn.example/base.png"] });
    expect((await pollToEnd(job)).at(-1)?.state).toBe("succeeded");

    const kontext = makeGenerator({ models: { variation: "fal-ai/flux-pro/kontext" } });
    const other = await kontext.submit({
      kind: "variation",
      prompt: "in a café",
      basePortraitUrl: "https://cdn.example/b.png",
      seed: 1,
    });
    expect(other.model).toBe("fal-ai/flux-pro/kontext");
    expect(fake.requests.at(-1)!.endpoint).toBe("fal-ai/flux-pro/kontext");
    expect((await pollToEnd(other, kontext)).at(-1)?.state).toBe("succeeded");
    await expect(generator.submit({ kind: "variation", prompt: "x", seed: 1 })).rejects.toThrow(
      ImageJobRejectedError,
    );
  });

  it("reports a request that fal failed as failed, with fal's reason", async () => {
    fake.failNext("content policy violation");
    const job = await generator.submit({ kind: "basePortrait", prompt: "someone", seed: 1 });
    const last = (await pollToEnd(job)).at(-1)!;
    expect(last.state).toBe("failed");
    expect(last.error).toContain("content policy violation");
  });

  it("reports an unknown request as failed and a wrong key as an error that says so", async () => {
    expect(await generator.status({ providerRequestId: "nope", model: "fal-ai/flux/dev" })).toMatchObject({
      state: "failed",
    });
    const wrongKey = makeGenerator({ credentials: "wrong" });
    await expect(wrongKey.submit({ kind: "basePortrait", prompt: "x", seed: 1 })).rejects.toThrow(/HTTP 401/);
  });

  it("asks for a webhook when given a URL, and knows fal's signed delivery again once it is settled", async () => {
    const job = await generator.submit({ kind: "basePortrait", prompt: "red hair", seed: 3, webhookUrl });
    expect(job.webhookExpected).toBe(true);
    expect(fake.requests.find((r) => r.id === job.providerRequestId)!.webhookUrl).toBe(webhookUrl);

    await fake.complete(job.providerRequestId);
    const first = verdicts.at(-1)!;
    expect(first).toMatchObject({
      accepted: true,
      duplicate: false,
      status: { providerRequestId: job.providerRequestId, state: "succeeded" },
    });
    expect(await fake.deliver(job.providerRequestId)).toBe(200);
    expect(verdicts.at(-1)).toMatchObject({ accepted: true, duplicate: false });
    if (first.accepted) first.settled();
    expect(await fake.deliver(job.providerRequestId)).toBe(200);
    expect(verdicts.at(-1)).toMatchObject({ accepted: true, duplicate: true });
  });

  it("passes a failed request's webhook on as a failure", async () => {
    fake.failNext("out of memory");
    const job = await generator.submit({ kind: "basePortrait", prompt: "x", seed: 1, webhookUrl });
    await fake.complete(job.providerRequestId);
    const verdict = verdicts.at(-1)!;
    expect(verdict).toMatchObject({ accepted: true, status: { state: "failed" } });
    expect(verdict.accepted && verdict.status.error).toContain("out of memory");
  });

  describe("refuses deliveries fal did not sign", () => {
    const post = async (body: string, headers: Record<string, string>) =>
      (await fetch(webhookUrl, { method: "POST", body, headers })).status;

    it("a forged signature", async () => {
      const body = JSON.stringify({
        request_id: "r1",
        status: "OK",
        payload: { images: [{ url: "https://evil.example/x.png" }] },
      });
      expect(await post(body, fake.signedHeaders(body, { requestId: "r1", signer: "forger" }))).toBe(401);
      expect(verdicts.at(-1)).toMatchObject({ accepted: false, reason: "BadSignature" });
    });

    it("a body that is not the one signed", async () => {
      const signed = JSON.stringify({ request_id: "r2", status: "ERROR", error: "x" });
      const sent = JSON.stringify({
        request_id: "r2",
        status: "OK",
        payload: { images: [{ url: "https://evil.example/x.png" }] },
      });
      expect(await post(sent, fake.signedHeaders(signed, { requestId: "r2" }))).toBe(401);
      expect(verdicts.at(-1)).toMatchObject({ accepted: false, reason: "BadSignature" });
    });

    it("a stale timestamp, even correctly signed", async () => {
      const body = JSON.stringify({ request_id: "r3", status: "OK", payload: {} });
      const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
      expect(await post(body, fake.signedHeaders(body, { requestId: "r3", timestamp: tenMinutesAgo }))).toBe(
        401,
      );
      expect(verdicts.at(-1)).toMatchObject({ accepted: false, reason: "StaleTimestamp" });
    });

    it("a delivery without the signature headers", async () => {
      expect(await post("{}", { "content-type": "application/json" })).toBe(401);
      expect(verdicts.at(-1)).toMatchObject({ accepted: false, reason: "MissingHeaders" });
    });

    it("a signed body that names another request", async () => {
      const body = JSON.stringify({ request_id: "someone-else", status: "OK", payload: {} });
      expect(await post(body, fake.signedHeaders(body, { requestId: "r4" }))).toBe(401);
      expect(verdicts.at(-1)).toMatchObject({ accepted: false, reason: "MalformedBody" });
    });
  });
});
