import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { userStreamId } from "../../src/domain/streamIds.ts";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import {
  browserSubscription,
  type PushServiceFake,
  startPushServiceFake,
} from "../support/fakes/pushServiceFake.ts";
import { userIdOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";
import { stubPushManager, subscribeCalls } from "./pushStub.ts";
import { attachPushDelivery, pushToServiceWorker } from "./serviceWorker.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const MAYA = "dev:maya";
const vapid = webpush.generateVAPIDKeys();
let server: ClientServer;
let browser: TestBrowser;
let fake: PushServiceFake;
let device: ReturnType<typeof browserSubscription>;

const PROFILE = "{ me { displayName timezone quietHours { start end } doNotDisturb pushSubscriptions } }";
const profileOf = async () => (await gql(server.url, PROFILE, {}, MAYA)).data!.me;
const userEvents = async () =>
  (await server.system.eventStore.readStream(userStreamId(await userIdOf(server, MAYA)))).map((e) => e.type);
const settingsLink = (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" });

describe.skipIf(!hasChromium)("web client: settings and notifications", () => {
  beforeAll(async () => {
    fake = await startPushServiceFake();
    device = browserSubscription(fake.endpoint("/push/maya-browser"));
    ({ server, browser } = await startClientInBrowser({
      env: {
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: "mailto:ops@withme.example",
      },
    }));
    await browser.context.grantPermissions(["notifications"], { origin: server.url });
    const { endpoint, keys } = device.subscription;
    await stubPushManager(browser.context, { endpoint, keys });
  });
  afterAll(async () => {
    await closeClientInBrowser(server, browser);
    await fake?.close();
  });

  it("opens from the header by keyboard, saves the profile, and keeps it over a reload", async () => {
    const { page } = browser;
    await signIn(page, MAYA);
    await settingsLink(page).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    expect(new URL(page.url()).search).toBe("?view=settings");
    await expect.poll(() => settingsLink(page).getAttribute("aria-current")).toBe("page");

    const zone = page.getByLabel("Time zone");
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await zone.inputValue()).toBe(browserZone);
    expect(await page.getByLabel("From").inputValue()).toBe("22:00");
    expect(await page.getByLabel("Until").inputValue()).toBe("08:00");
    expect(await page.getByLabel("Do not disturb").isChecked()).toBe(false);

    await page.getByLabel("Display name").fill("Maya Rossi");
    await zone.selectOption("Asia/Tokyo");
    await page.getByLabel("From").fill("23:30");
    await page.getByLabel("Until").fill("06:45");
    await page.getByLabel("Do not disturb").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await eventually(async () => (await profileOf()).doNotDisturb === true);
    expect(await profileOf()).toMatchObject({
      displayName: "Maya Rossi",
      timezone: "Asia/Tokyo",
      quietHours: { start: "23:30", end: "06:45" },
      doNotDisturb: true,
    });
    await page.locator(".who").getByText("Maya Rossi").waitFor();

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expect.poll(() => page.getByLabel("Display name").inputValue()).toBe("Maya Rossi");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Asia/Tokyo");
    expect(await page.getByLabel("From").inputValue()).toBe("23:30");
    expect(await page.getByLabel("Until").inputValue()).toBe("06:45");
    expect(await page.getByLabel("Do not disturb").isChecked()).toBe(true);
    await screenshot(page, "settings-desktop");
  });

  it("names each region of the page apart, the notifications setting and the notices on screen", async () => {
    const { page } = browser;
    await page.goto("/?view=settings");
    await page.getByRole("heading", { level: 2, name: "Notifications" }).waitFor();
    const names = await page
      .getByRole("region")
      .evaluateAll((regions) =>
        regions.map(
          (region) =>
            region.getAttribute("aria-label") ??
            document.getElementById(region.getAttribute("aria-labelledby") ?? "")?.textContent,
        ),
      );
    expect(names).toContain("Notifications");
    expect(new Set(names).size).toBe(names.length);
  });

  it("says what is wrong when a value is refused", async () => {
    const { page } = browser;
    await page.getByLabel("Display name").fill("   ");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Enter a display name.");
    expect((await profileOf()).displayName).toBe("Maya Rossi");
    await page.getByLabel("Display name").fill("Maya Rossi");
  });

  it("turns notifications on with the server's VAPID key, and the service worker shows a push", async () => {
    const { page, context } = browser;
    const enable = page.getByRole("button", { name: "Enable notifications" });
    await expect.poll(() => enable.isEnabled()).toBe(true);
    const pushes = await attachPushDelivery(page);
    await enable.click();
    await page.getByRole("status").filter({ hasText: "Notifications are on for this browser." }).waitFor();
    expect(await subscribeCalls(page)).toEqual([
      { userVisibleOnly: true, applicationServerKey: vapid.publicKey },
    ]);
    await eventually(async () => (await profileOf()).pushSubscriptions === 1);
    const stored = await server.system.eventStore.readStream(userStreamId(await userIdOf(server, MAYA)));
    expect(stored.find((e) => e.type === "PushSubscriptionRegistered")?.data).toMatchObject({
      ...device.subscription,
    });
    expect(context.serviceWorkers().map((w) => new URL(w.url()).pathname)).toContain("/sw.js");

    // What the worker would send this browser, decrypted with its keys, then handed to sw.js.
    const request = await pushToServiceWorker(server, fake, vapid, await userIdOf(server, MAYA));
    const payload = JSON.parse(device.decrypt(request.body).toString("utf8"));
    expect(payload).toMatchObject({ title: "Noor", body: "Thinking of you!", tag: "conversation-noor" });
    const shown = await pushes.deliverUntilShown(JSON.stringify(payload));
    await pushes.detach();
    expect(shown).toEqual({
      title: "Noor",
      body: "Thinking of you!",
      tag: "conversation-noor",
      url: "/chat/noor",
    });
    await page.getByRole("heading", { name: "Notifications" }).scrollIntoViewIfNeeded();
    await screenshot(page, "settings-notifications-on-desktop");
  });

  it("stays on over a reload without registering twice, and turns off", async () => {
    const { page } = browser;
    const before = await userEvents();
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Notifications are on for this browser." }).waitFor();
    expect(await userEvents()).toEqual(before);
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, "settings-360");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("button", { name: "Turn off notifications" }).click();
    await page.getByRole("button", { name: "Enable notifications" }).waitFor();
    expect((await userEvents()).at(-1)).toBe("PushSubscriptionRemoved");
    await eventually(async () => (await profileOf()).pushSubscriptions === 0);
  });

  it("stops this browser's notifications when the person signs out", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Enable notifications" }).click();
    await page.getByRole("status").filter({ hasText: "Notifications are on for this browser." }).waitFor();
    await eventually(async () => (await profileOf()).pushSubscriptions === 1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Dev token").waitFor();
    expect((await userEvents()).at(-1)).toBe("PushSubscriptionRemoved");
    expect(await page.evaluate(() => localStorage.getItem("test.push-subscription"))).toBeNull();
  });

  it("explains why notifications cannot be turned on: no push in the browser, or none on the server", async () => {
    const noPush = await openBrowser(server.url, { width: 360, height: 740 });
    try {
      await noPush.context.addInitScript(() => {
        delete (window as { PushManager?: unknown }).PushManager;
      });
      await signIn(noPush.page, MAYA);
      await noPush.page.goto("/?view=settings");
      await noPush.page.getByText("This browser cannot receive push notifications.").waitFor();
      expect(await noPush.page.getByRole("button", { name: "Enable notifications" }).count()).toBe(0);

      await noPush.page.route("**/graphql", async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        if (body?.data?.pushConfig) body.data.pushConfig = { enabled: false, vapidPublicKey: null };
        await route.fulfill({ response, json: body });
      });
      await noPush.page.reload();
      const explained = noPush.page.getByText("Notifications are not set up on this server");
      await explained.waitFor();
      await explained.scrollIntoViewIfNeeded();
      await screenshot(noPush.page, "settings-push-unavailable-360");
    } finally {
      await noPush.close();
    }
  });
});
