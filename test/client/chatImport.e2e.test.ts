import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatJsonl } from "../../src/application/cards/chatJsonl.ts";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const IVY = "dev:ivy";
const chatFile = path.resolve(import.meta.dirname, "../fixtures/cards/chat.jsonl");
let server: ClientServer;
let browser: TestBrowser;

const shownTexts = (page: Page) =>
  page
    .locator(".message-list [data-kind] .text")
    .evaluateAll((nodes) => nodes.map((n) => n.textContent?.trim()));

describe.skipIf(!hasChromium)("web client: importing a chat in settings", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await createAgent(server, "Mira");
    await createAgent(server, "Theo", "Porto");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("imports a SillyTavern chat into a new conversation and opens it; then offers only the companions not talked to yet", async () => {
    const { page } = browser;
    const original = readChatJsonl(fixtureBytes("chat.jsonl"));
    await signIn(page, IVY);
    await page.goto("/?view=settings");
    await page.getByRole("heading", { level: 2, name: "Import a chat" }).waitFor();

    await page.getByLabel("Companion").selectOption({ label: "Mira" });
    await page.getByLabel("Chat file (JSONL)").setInputFiles(chatFile);
    await page.getByRole("button", { name: "Import chat" }).click();
    await page
      .getByRole("status")
      .getByText(`Imported ${original.messages.length} messages into your conversation with Mira.`)
      .waitFor({ timeout: 30_000 });

    await page.getByRole("button", { name: "Open the conversation" }).click();
    await page.getByRole("heading", { level: 1, name: "Mira" }).waitFor();
    // The chat ends on the person's message, which the companion may already be answering.
    await expect
      .poll(async () => (await shownTexts(page)).slice(0, original.messages.length), { timeout: 30_000 })
      .toEqual(original.messages.map((m) => m.text));

    // Mira's conversation has begun, so she is no longer offered; Theo, not talked to yet, is.
    await page.goto("/?view=settings");
    await expect
      .poll(async () => page.getByLabel("Companion").locator("option").allTextContents(), { timeout: 30_000 })
      .toEqual(["Theo"]);
    // Once every companion has a conversation, the form says why there is none to pick.
    await page.goto("/?view=settings");
    await page.getByLabel("Chat file (JSONL)").setInputFiles(chatFile);
    await page.getByLabel("Companion").selectOption({ label: "Theo" });
    await page.getByRole("button", { name: "Import chat" }).click();
    await page
      .getByRole("status")
      .getByText(/into your conversation with Theo\./)
      .waitFor({ timeout: 30_000 });
    await page.getByText("Every companion has a conversation already").waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Companion").locator("option").count()).toBe(0);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
