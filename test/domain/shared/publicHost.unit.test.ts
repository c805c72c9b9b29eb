import { describe, expect, it } from "vitest";
import { isPublicAddress, mayBePublicHost } from "../../../src/domain/shared/publicHost.ts";

describe("public hosts", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::808:808", "::ffff:8.8.8.8"])(
    "counts %s as public",
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::7f00:1",
    "[::1]",
    "not an address",
  ])("does not count %s as public", (address) => expect(isPublicAddress(address)).toBe(false));

  it("judges URL hosts without a lookup: literals by address, names by the reserved ones", () => {
    expect(mayBePublicHost("fcm.googleapis.com")).toBe(true);
    expect(mayBePublicHost("updates.push.services.mozilla.com")).toBe(true);
    for (const host of [
      "localhost",
      "api.localhost",
      "db.internal",
      "nas.local",
      "router.home.arpa",
      "127.0.0.1",
      "[::1]",
      "",
    ])
      expect(mayBePublicHost(host), host).toBe(false);
  });
});
