import { describe, expect, it } from "vitest";
import { webPushConfig } from "../../../src/application/users/pushConfig.ts";

describe("webPushConfig", () => {
  const keys = { VAPID_PUBLIC_KEY: "BPublic", VAPID_PRIVATE_KEY: "private" };

  it("offers the public key when the worker can send: both keys and a contact", () => {
    expect(webPushConfig({ ...keys, vapidSubject: "mailto:ops@withme.example" })).toEqual({
      vapidPublicKey: "BPublic",
    });
  });

  it("is off without the private key or a contact, so browsers do not subscribe in vain", () => {
    expect(webPushConfig({ VAPID_PUBLIC_KEY: "BPublic", vapidSubject: "mailto:ops@withme.example" })).toEqual(
      {
        vapidPublicKey: null,
      },
    );
    expect(webPushConfig(keys)).toEqual({ vapidPublicKey: null });
    expect(webPushConfig({})).toEqual({ vapidPublicKey: null });
  });
});
