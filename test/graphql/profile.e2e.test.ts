import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { userStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { browserSubscription } from "../support/fakes/pushServiceFake.ts";
import { codesOf, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;
const vapid = webpush.generateVAPIDKeys();
const ANA = "dev:ana";
const BEN = "dev:ben";

const USER_FIELDS = "id displayName timezone quietHours { start end } doNotDisturb pushSubscriptions";
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { ${USER_FIELDS} } }`;
const REGISTER = `mutation($input: RegisterPushSubscriptionInput!) {
  registerPushSubscription(input: $input) { ${USER_FIELDS} }
}`;
const REMOVE = `mutation($endpoint: String!) { removePushSubscription(endpoint: $endpoint) { ${USER_FIELDS} } }`;

const me = async (token: string) => (await gql(api.url, `{ me { ${USER_FIELDS} } }`, {}, token)).data!.me;
const userEvents = async (token: string) =>
  (await api.system.eventStore.readStream(userStreamId((await me(token)).id))).map((e) => e.type);
const webPush = (path: string) => {
  const { endpoint, keys } = browserSubscription(`https://push.example.test${path}`).subscription;
  return { endpoint, keys };
};

beforeAll(async () => {
  api = await startTestApi({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:ops@withme.example",
  });
});
afterAll(async () => api?.close());

describe("profile", () => {
  it("starts with no time zone, default quiet hours, do-not-disturb off and no devices", async () => {
    expect(await me(ANA)).toMatchObject({
      displayName: "Ana",
      timezone: null,
      quietHours: null,
      doNotDisturb: false,
      pushSubscriptions: 0,
    });
  });

  it("updates the profile, answers with what it wrote, and the read model follows", async () => {
    const input = {
      displayName: "  Ana Lima ",
      timezone: "America/Sao_Paulo",
      quietHours: { start: "23:00", end: "07:30" },
      doNotDisturb: true,
    };
    const updated = await gql(api.url, UPDATE, { input }, ANA);
    expect(updated.errors).toBeUndefined();
    const expected = {
      displayName: "Ana Lima",
      timezone: "America/Sao_Paulo",
      quietHours: { start: "23:00", end: "07:30" },
      doNotDisturb: true,
    };
    expect(updated.data!.updateProfile).toMatchObject(expected);
    await eventually(async () => (await me(ANA)).doNotDisturb === true);
    expect(await me(ANA)).toMatchObject(expected);

    const before = await userEvents(ANA);
    const again = await gql(api.url, UPDATE, { input }, ANA);
    expect(again.data!.updateProfile).toMatchObject(expected);
    expect(await userEvents(ANA)).toEqual(before);
  });

  it("changes only the fields given; null clears the time zone and the quiet hours", async () => {
    const off = await gql(api.url, UPDATE, { input: { doNotDisturb: false } }, ANA);
    expect(off.data!.updateProfile).toMatchObject({ displayName: "Ana Lima", doNotDisturb: false });
    expect(off.data!.updateProfile.quietHours).toEqual({ start: "23:00", end: "07:30" });
    const cleared = await gql(api.url, UPDATE, { input: { timezone: null, quietHours: null } }, ANA);
    expect(cleared.data!.updateProfile).toMatchObject({
      displayName: "Ana Lima",
      timezone: null,
      quietHours: null,
      doNotDisturb: false,
    });
  });

  it("refuses a time zone that is not an IANA name, and other bad values, with BAD_USER_INPUT", async () => {
    const zone = await gql(api.url, UPDATE, { input: { timezone: "Mars/Olympus_Mons" } }, ANA);
    expect(codesOf(zone)).toEqual(["BAD_USER_INPUT"]);
    expect(zone.errors![0]!.message).toMatch(/not a time zone; use an IANA name such as Europe\/Paris/);
    expect(zone.errors![0]!.extensions?.reason).toBe("InvalidTimezone");

    const bad: [Record<string, Loose>, RegExp][] = [
      [{ quietHours: { start: "25:00", end: "07:00" } }, /quietHours\.start: use a 24-hour HH:MM time/],
      [{ quietHours: { start: "22:00", end: "22:00" } }, /quietHours\.end: start and end must differ/],
      [{ displayName: "   " }, /Enter a display name/],
      [{ displayName: "x".repeat(61) }, /Shorten the display name to 60 characters/],
      [{ displayName: null }, /displayName: cannot be cleared/],
    ];
    for (const [input, message] of bad) {
      const response = await gql(api.url, UPDATE, { input }, ANA);
      expect(codesOf(response), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors![0]!.message).toMatch(message);
    }
  });

  it("needs a signed-in person", async () => {
    expect(codesOf(await gql(api.url, UPDATE, { input: { doNotDisturb: true } }))).toEqual([
      "UNAUTHENTICATED",
    ]);
  });
});

describe("push subscriptions", () => {
  it("tells anyone whether notifications can be turned on, with the VAPID public key", async () => {
    const config = await gql(api.url, "{ pushConfig { enabled vapidPublicKey } }");
    expect(config.data!.pushConfig).toEqual({ enabled: true, vapidPublicKey: vapid.publicKey });
  });

  it("registers a browser once, however often it is sent, and removes it once", async () => {
    const phone = webPush("/send/ana-phone");
    const first = await gql(api.url, REGISTER, { input: phone }, ANA);
    expect(first.errors).toBeUndefined();
    expect(first.data!.registerPushSubscription.pushSubscriptions).toBe(1);
    const registered = await userEvents(ANA);
    expect(registered.filter((t) => t === "PushSubscriptionRegistered")).toHaveLength(1);

    const again = await gql(api.url, REGISTER, { input: phone }, ANA);
    expect(again.data!.registerPushSubscription.pushSubscriptions).toBe(1);
    expect(await userEvents(ANA)).toEqual(registered);
    await eventually(async () => (await me(ANA)).pushSubscriptions === 1);

    const removed = await gql(api.url, REMOVE, { endpoint: phone.endpoint }, ANA);
    expect(removed.data!.removePushSubscription.pushSubscriptions).toBe(0);
    const afterRemoval = await userEvents(ANA);
    expect(afterRemoval.at(-1)).toBe("PushSubscriptionRemoved");
    const twice = await gql(api.url, REMOVE, { endpoint: phone.endpoint }, ANA);
    expect(twice.data!.removePushSubscription.pushSubscriptions).toBe(0);
    expect(await userEvents(ANA)).toEqual(afterRemoval);
    await eventually(async () => (await me(ANA)).pushSubscriptions === 0);
  });

  it("refuses a subscription that a browser could not have made, saying what is wrong", async () => {
    const good = webPush("/send/ana-laptop");
    const bad: [Record<string, Loose>, RegExp][] = [
      [{ ...good, endpoint: "http://push.example.test/x" }, /endpoint: must be the https: URL/],
      [{ ...good, keys: { ...good.keys, p256dh: "abc" } }, /keys\.p256dh: is not the browser's P-256/],
      [{ ...good, keys: { ...good.keys, auth: "not base64!" } }, /keys\.auth: must be the browser's auth/],
      [{ ...good, endpoint: "https://127.0.0.1:8443/push" }, /endpoint: must be a public push service/],
      [{ ...good, endpoint: "https://169.254.169.254/latest" }, /endpoint: must be a public push service/],
      [{ ...good, endpoint: "https://localhost:5432/" }, /endpoint: must be a public push service/],
    ];
    for (const [input, message] of bad) {
      const response = await gql(api.url, REGISTER, { input }, ANA);
      expect(codesOf(response)).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors![0]!.message).toMatch(message);
    }
    expect(codesOf(await gql(api.url, REGISTER, { input: good }))).toEqual(["UNAUTHENTICATED"]);
  });

  it("lets nobody else remove my subscription", async () => {
    const mine = webPush("/send/ana-tablet");
    await gql(api.url, REGISTER, { input: mine }, ANA);
    const before = await userEvents(ANA);
    const theirs = await gql(api.url, REMOVE, { endpoint: mine.endpoint }, BEN);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.removePushSubscription).toMatchObject({ displayName: "Ben", pushSubscriptions: 0 });
    expect(await userEvents(ANA)).toEqual(before);
    await eventually(async () => (await me(ANA)).pushSubscriptions === 1);
    expect((await me(BEN)).pushSubscriptions).toBe(0);
  });
});
