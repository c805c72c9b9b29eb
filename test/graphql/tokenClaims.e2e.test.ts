import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, gql, JWT_ISSUER, JWT_SECRET, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** A token the identity provider signed, with claims a person can set themselves (`user_metadata`). */
function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ role: "authenticated", ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(JWT_ISSUER)
    .setAudience("authenticated")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(JWT_SECRET));
}

const ME = "{ me { id displayName } }";

describe("claims of a signed token that a person chose", () => {
  it("cleans a display name no field can store, and keeps the people's read model running", async () => {
    const names: [unknown, string][] = [
      ["Eve\u0000Null", "EveNull"],
      ["Eve\ud800", "Eve\ufffd"],
      ["E".repeat(5000), "E".repeat(60)],
      [{ first: "Eve" }, "Guest"],
      ["  \u200b ", "Guest"],
      [`${"é".repeat(59)}👩‍👩‍👧`, "é".repeat(59)],
    ];
    for (const [index, [name, shown]] of names.entries()) {
      const signed = await token({ sub: `claims-${index}`, user_metadata: { full_name: name } });
      const me = await gql(api.url, ME, {}, signed);
      expect(me.errors, JSON.stringify(name)).toBeUndefined();
      expect(me.data!.me.displayName).toBe(shown);
    }
    const later = await token({ sub: "claims-later", user_metadata: { name: "Later" } });
    const laterId = (await gql(api.url, ME, {}, later)).data!.me.id;
    await eventually(async () => {
      const users = (await gql(api.url, "{ projections { name status lagEvents } }", {}, "dev")).data
        ?.projections;
      const row = users?.find((p: { name: string }) => p.name === "users");
      expect(row?.status).not.toBe("failed");
      return row?.lagEvents === 0 ? row : undefined;
    });
    expect(laterId).toEqual(expect.any(String));
  });

  it("reads only text from the name and email claims", async () => {
    for (const [index, email] of [123, { address: "eve@example.com" }, ["eve@example.com"]].entries()) {
      const me = await gql(api.url, ME, {}, await token({ sub: `email-${index}`, email }));
      expect(me.errors, JSON.stringify(email)).toBeUndefined();
      expect(me.data!.me.displayName).toBe("Guest");
    }
    const named = await token({ sub: "email-named", user_metadata: { full_name: 7, name: "Eve" } });
    expect((await gql(api.url, ME, {}, named)).data!.me.displayName).toBe("Eve");
  });

  it("refuses a subject no field can store with UNAUTHENTICATED, not an internal error", async () => {
    for (const sub of ["s".repeat(256), "a\u0000b", "a\udc00"]) {
      const answer = await gql(api.url, ME, {}, await token({ sub }));
      expect(answer.status, JSON.stringify(sub)).toBe(401);
      expect(codesOf(answer)).toEqual(["UNAUTHENTICATED"]);
    }
  });
});
