import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FalWebhookVerifier } from "../../../src/adapters/fal/falWebhookVerifier.ts";

const fal = generateKeyPairSync("ed25519");
const rotated = generateKeyPairSync("ed25519");
const now = new Date("2026-03-01T12:00:00Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function signed(body: string, key: KeyObject = fal.privateKey, timestamp = seconds(now)) {
  const hash = createHash("sha256").update(body).digest("hex");
  const message = ["req-1", "user-1", String(timestamp), hash].join("\n");
  return {
    "X-Fal-Webhook-Request-Id": "req-1",
    "X-Fal-Webhook-User-Id": "user-1",
    "X-Fal-Webhook-Timestamp": String(timestamp),
    "X-Fal-Webhook-Signature": sign(null, Buffer.from(message), key).toString("hex"),
  };
}

/** A JWKS source that counts how often it is asked and can change its keys. */
function jwks(...keys: KeyObject[]) {
  const source = {
    keys,
    calls: 0,
    fetch: (async () => {
      source.calls += 1;
      return Response.json({ keys: source.keys.map((k) => ({ ...k.export({ format: "jwk" }), kid: "k" })) });
    }) as typeof fetch,
  };
  return source;
}

const body = JSON.stringify({ request_id: "req-1", status: "OK", payload: {} });
const bytes = (text: string) => new TextEncoder().encode(text);

describe("FalWebhookVerifier", () => {
  it("accepts a delivery signed by a key in fal's JWKS", async () => {
    const verifier = new FalWebhookVerifier({ fetch: jwks(fal.publicKey).fetch, now: () => now });
    expect(await verifier.verify(signed(body), bytes(body))).toEqual({
      ok: true,
      requestId: "req-1",
      userId: "user-1",
      timestamp: seconds(now),
    });
  });

  it.each([
    ["a forged signature", signed(body, generateKeyPairSync("ed25519").privateKey), body, "BadSignature"],
    ["another body", signed(body), `${body} `, "BadSignature"],
    ["a timestamp six minutes old", signed(body, fal.privateKey, seconds(now) - 360), body, "StaleTimestamp"],
    [
      "a timestamp six minutes ahead",
      signed(body, fal.privateKey, seconds(now) + 360),
      body,
      "StaleTimestamp",
    ],
    ["no signature", { ...signed(body), "X-Fal-Webhook-Signature": "" }, body, "MissingHeaders"],
    [
      "a signature that is not hex",
      { ...signed(body), "X-Fal-Webhook-Signature": "zz" },
      body,
      "BadSignature",
    ],
  ])("refuses %s", async (_label, headers, sent, reason) => {
    const verifier = new FalWebhookVerifier({ fetch: jwks(fal.publicKey).fetch, now: () => now });
    expect(await verifier.verify(headers, bytes(sent))).toMatchObject({ ok: false, reason });
  });

  it("accepts a timestamp within five minutes either way", async () => {
    const verifier = new FalWebhookVerifier({ fetch: jwks(fal.publicKey).fetch, now: () => now });
    for (const offset of [-290, 290]) {
      expect(
        await verifier.verify(signed(body, fal.privateKey, seconds(now) + offset), bytes(body)),
      ).toMatchObject({ ok: true });
    }
  });

  it("fetches the keys once and keeps them", async () => {
    const source = jwks(fal.publicKey);
    const verifier = new FalWebhookVerifier({ fetch: source.fetch, now: () => now });
    await Promise.all([
      verifier.verify(signed(body), bytes(body)),
      verifier.verify(signed(body), bytes(body)),
    ]);
    await verifier.verify(signed(body), bytes(body));
    expect(source.calls).toBe(1);
  });

  it("fetches the keys again when a signature fails against keys old enough to have rotated", async () => {
    let clock = now;
    const source = jwks(fal.publicKey);
    const verifier = new FalWebhookVerifier({ fetch: source.fetch, now: () => clock });
    await verifier.verify(signed(body), bytes(body));
    source.keys = [rotated.publicKey];
    expect(await verifier.verify(signed(body, rotated.privateKey), bytes(body))).toMatchObject({ ok: false });
    expect(source.calls).toBe(1);
    clock = new Date(now.getTime() + 120_000);
    const later = signed(body, rotated.privateKey, seconds(clock));
    expect(await verifier.verify(later, bytes(body))).toMatchObject({ ok: true });
    expect(source.calls).toBe(2);
  });

  it("says so when the keys cannot be fetched, so the delivery can be retried", async () => {
    const failing = (async () => new Response("down", { status: 503 })) as typeof fetch;
    const verifier = new FalWebhookVerifier({ fetch: failing, now: () => now });
    expect(await verifier.verify(signed(body), bytes(body))).toMatchObject({
      ok: false,
      reason: "KeysUnavailable",
    });
  });
});
