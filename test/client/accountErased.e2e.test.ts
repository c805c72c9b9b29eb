import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;

const ERASED = /Your account was deleted and everything in it erased/;

/** The keys in this page's local and session storage and the names of its IndexedDB databases. */
const storedOf = (page: Page) =>
  page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((db) => db.name),
  }));

describe.skipIf(!hasChromium)("web client: the account erased while its pages are open", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser({
      env: { WITHME_ACCOUNT_DELETION_GRACE_SECONDS: "2" },
    }));
    await createAgent(server, "Mia");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("signs every open tab out, clears what the site stored and says the account was deleted", async () => {
    const settingsTab = browser.page;
    await signIn(settingsTab, "dev:ida");
    const chatTab = await browser.context.newPage();
    await chatTab.goto("/");
    await pickAgent(chatTab, "Mia");
    const listTab = await browser.context.newPage();
    await listTab.goto("/");
    await listTab.getByRole("navigation", { name: "Agents" }).waitFor();
    await chatTab.evaluate(() => sessionStorage.setItem("withme.scroll", "1"));

    await settingsTab.goto("/?view=settings");
    settingsTab.once("dialog", (dialog) => void dialog.accept());
    await settingsTab.getByRole("button", { name: "Delete my account" }).click();
    await settingsTab.getByText(/Your account will be deleted on/).waitFor();

    for (const tab of [settingsTab, chatTab, listTab]) {
      await tab.getByRole("alert").filter({ hasText: ERASED }).waitFor({ timeout: 60_000 });
      await expect(tab.getByRole("button", { name: "Keep my account" }).count()).resolves.toBe(0);
      await expect.poll(() => storedOf(tab)).toEqual({ local: [], session: [], databases: [] });
    }
  }, 120_000);
});
