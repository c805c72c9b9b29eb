import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, gql, JWT_ISSUER, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

/** An identity provider whose key set endpoint is down. */
let provider: http.Server;
let api: TestApi;
let token: string;

beforeAll(async () => {
  provider = http.createServer((_request, response) => response.writeHead(503).end("maintenance"));
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  const port = (provider.address() as AddressInfo).port;
  api = await startTestApi({ SUPABASE_JWKS_URL: `http://127.0.0.1:${port}/auth/v1/.well-known/jwks.json` });
  const { privateKey } = await generateKeyPair("ES256");
  token = await new SignJWT({ role: "authenticated" })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setSubject("patient")
    .setIssuer(JWT_ISSUER)
    .setAudience("authenticated")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(privateKey);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => provider?.close(() => resolve()));
});

describe("sign-ins while the identity provider's keys cannot be fetched", () => {
  it("are asked to try again (SERVICE_UNAVAILABLE, 503), not told their token is not valid", async () => {
    const me = await gql(api.url, "{ me { id } }", {}, token);
    expect(codesOf(me)).toEqual(["SERVICE_UNAVAILABLE"]);
    expect(me.status).toBe(503);
  });

  it("close a WebSocket with 1013 (try again later), not as a refused sign-in", async () => {
    const closed = new Promise<number>((resolve) => wsClient(api.wsUrl, token, resolve));
    expect(await closed).toBe(1013);
  });
});
