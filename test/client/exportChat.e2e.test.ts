import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const LEO = "dev:leo";
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: exporting one chat", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("downloads the open conversation as a SillyTavern JSONL chat", async () => {
    const { page } = browser;
    const mia = await createAgent(server, "Mia");
    await signIn(page, LEO);
    await pickAgent(page, "Mia");
    await page.getByLabel("Message to Mia").fill("Tell me about the harbour");
    await page.keyboard.press("Enter");
    await eventually(async () => (await messagesOf(server, LEO, mia)).length >= 2, 30_000);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export chat" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\n");
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((e) => e.mes === "Tell me about the harbour" && e.is_user === true)).toBe(true);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
