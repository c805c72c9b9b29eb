import { createSecretKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { linkExpiry, MediaLinkSigner } from "../../../src/application/media/mediaLinks.ts";

const signer = new MediaLinkSigner(createSecretKey(Buffer.alloc(32, 7)));
const now = new Date("2026-12-04T12:20:00Z");
const queryOf = (link: string) => new URL(link, "http://x").searchParams;

describe("MediaLinkSigner", () => {
  it("signs a link that opens that one file until it expires", () => {
    const link = signer.sign("/media/agents/a/1.png", "agents/a/1.png", new Date("2026-12-04T14:00:00Z"));
    expect(link).toMatch(/^\/media\/agents\/a\/1\.png\?expires=1796392800&signature=[\w-]{43}$/);
    expect(signer.verify("agents/a/1.png", queryOf(link), now)).toBe(true);
    expect(signer.verify("agents/a/2.png", queryOf(link), now)).toBe(false);
    expect(signer.verify("agents/a/1.png", queryOf(link), new Date("2026-12-04T14:00:00Z"))).toBe(false);
  });

  it("refuses a link signed with another key, a stretched expiry and malformed parameters", () => {
    const until = new Date("2026-12-04T14:00:00Z");
    const other = new MediaLinkSigner(createSecretKey(Buffer.alloc(32, 8)));
    const link = signer.sign("/media/k.png", "k.png", until);
    expect(signer.verify("k.png", queryOf(other.sign("/media/k.png", "k.png", until)), now)).toBe(false);
    const stretched = queryOf(link);
    stretched.set("expires", String(Number(stretched.get("expires")) + 3600));
    expect(signer.verify("k.png", stretched, now)).toBe(false);
    for (const query of [
      "",
      "expires=x&signature=y",
      `expires=1e12&signature=${queryOf(link).get("signature")}`,
    ])
      expect(signer.verify("k.png", new URLSearchParams(query), now), query).toBe(false);
  });

  it("rounds expiries up to the hour so links made within an hour are the same", () => {
    expect(linkExpiry(now, 3600).toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(linkExpiry(new Date("2026-12-04T12:59:59Z"), 3600).toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(linkExpiry(new Date("2026-12-04T13:00:00Z"), 3600).toISOString()).toBe("2026-12-04T14:00:00.000Z");
  });
});
