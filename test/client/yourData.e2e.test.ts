import { readFile } from "node:fs/promises";
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userStreamId } from "../../src/domain/streamIds.ts";
import { createAgent, userIdOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const RIA = "dev:ria";
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: your data in settings", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("downloads the person's data, schedules the account's deletion and cancels it", async () => {
    const { page } = browser;
    await signIn(page, RIA);
    await page.goto("/?view=settings");
    await page.getByRole("heading", { level: 2, name: "Your data" }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download my data" }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported).toMatchObject({ format: "withme-personal-data/1", profile: { subject: RIA } });

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText(/Your account will be deleted on/).waitFor();
    const stream = userStreamId(await userIdOf(server, RIA));
    const types = async () => (await server.system.eventStore.readStream(stream)).map((e) => e.type);
    expect(await types()).toContain("AccountDeletionRequested");

    await page.getByRole("button", { name: "Keep my account" }).click();
    await page.getByRole("button", { name: "Delete my account" }).waitFor();
    expect((await types()).at(-1)).toBe("AccountDeletionCancelled");
    expect(browser.errors).toEqual([]);
  }, 120_000);

  it("leaves nothing of the person in the browser once they ask for their erasure", async () => {
    await createAgent(server, "Mia");
    const other = await openBrowser(server.url);
    try {
      const { page } = other;
      await signIn(page, "dev:eve");
      await pickAgent(page, "Mia");
      const dropSends = (route: Route) =>
        route.request().postData()?.includes("SendMessage")
          ? route.abort("internetdisconnected")
          : route.continue();
      await page.route("**/graphql", dropSends);
      await page.getByLabel("Message to Mia").fill("Never delivered");
      await page.keyboard.press("Enter");
      await page.locator(".bubble.pending").getByText("Not sent").waitFor();
      await page.getByLabel("Message to Mia").fill("Half a thought");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
      await page.getByRole("heading", { level: 2, name: "Your data" }).waitFor();
      expect((await storedOf(page)).local.some((key) => key.startsWith("withme.unsent."))).toBe(true);

      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByRole("button", { name: "Delete my account" }).click();
      await page.getByText(/Your account will be deleted on/).waitFor();
      // Only the sign-in stays, so the person can still cancel.
      expect(await storedOf(page)).toEqual({ local: ["withme.session"], session: [], databases: [] });

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chat" }).click();
      await pickAgent(page, "Mia");
      expect(await page.getByLabel("Message to Mia").inputValue()).toBe("");
      expect(await page.locator(".bubble.pending").count()).toBe(0);
      expect((await storedOf(page)).local.filter((key) => key.startsWith("withme.unsent."))).toEqual([]);
      await page.unroute("**/graphql", dropSends);
    } finally {
      await other.close();
    }
  }, 120_000);
});

/** The keys in this page's local and session storage and the names of its IndexedDB databases. */
async function storedOf(page: Page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
    databases: (await indexedDB.databases()).map((db) => db.name),
  }));
}
