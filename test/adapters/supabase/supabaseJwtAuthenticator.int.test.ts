import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SupabaseJwtAuthenticator } from "../../../src/adapters/supabase/supabaseJwtAuthenticator.ts";
import { AuthenticationError, AuthenticationUnavailableError } from "../../../src/ports/authenticator.ts";

const ISSUER = "https://withme.test/auth/v1";
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let server: http.Server;
let baseUrl: string;
/** What the key set endpoint answers next. */
let answer: "keys" | "unavailable" | "not json" = "keys";

beforeAll(async () => {
  keys = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256" };
  server = http.createServer((_request, response) => {
    if (answer === "unavailable") return response.writeHead(503).end("down for maintenance");
    response.writeHead(200, { "content-type": "application/json" });
    response.end(answer === "keys" ? JSON.stringify({ keys: [jwk] }) : "<html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

function authenticator(jwksUrl: string) {
  return new SupabaseJwtAuthenticator({
    jwksUrl,
    issuer: ISSUER,
    audience: "authenticated",
    adminSubjects: [],
  });
}

function token(key: CryptoKey | Uint8Array = keys.privateKey) {
  return new SignJWT({ role: "authenticated" })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setSubject("someone")
    .setIssuer(ISSUER)
    .setAudience("authenticated")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(key);
}

describe("Supabase sign-ins verified by a JWKS endpoint", () => {
  it("verifies a token signed by a key of the set", async () => {
    answer = "keys";
    expect((await authenticator(`${baseUrl}/keys-1`).authenticate(await token())).subject).toBe("someone");
  });

  it("refuses a token signed by a key outside the set as not acceptable", async () => {
    answer = "keys";
    const other = await generateKeyPair("ES256");
    await expect(
      authenticator(`${baseUrl}/keys-2`).authenticate(await token(other.privateKey)),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });

  it.each([
    ["answers 503", "unavailable"],
    ["answers something that is not a key set", "not json"],
  ] as const)("cannot check a token while the endpoint %s", async (_name, given) => {
    answer = given;
    await expect(
      authenticator(`${baseUrl}/keys-3-${given}`).authenticate(await token()),
    ).rejects.toBeInstanceOf(AuthenticationUnavailableError);
  });

  it("cannot check a token while nothing answers at the endpoint", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      authenticator(`http://127.0.0.1:${port}/keys`).authenticate(await token()),
    ).rejects.toBeInstanceOf(AuthenticationUnavailableError);
  });
});
