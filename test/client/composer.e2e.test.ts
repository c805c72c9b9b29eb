import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { type ClientServer, startClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const SAM = "dev:sam";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;

describe.skipIf(!hasChromium)("web client: writing and editing", () => {
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startClientServer();
    mia = await createAgent(server, "Mia");
    browser = await openBrowser(server.url);
    await signIn(browser.page, SAM);
    await pickAgent(browser.page, "Mia");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("keeps all of a message pasted over the limit and says how much to cut, instead of dropping the end", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    await box.fill("a".repeat(4500));
    expect((await box.inputValue()).length).toBe(4500);
    await page.getByText("500 characters too long").waitFor();
    expect(await page.getByRole("button", { name: "Send", exact: true }).isDisabled()).toBe(true);
    await box.press("Enter");
    expect((await box.inputValue()).length).toBe(4500);
  });

  it("counts an emoji as one character, as the server does: 4000 of them go out whole", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    const emoji = "😀".repeat(4000);
    await box.fill(emoji);
    expect(Array.from(await box.inputValue()).length).toBe(4000);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await eventually(async () => (await messagesOf(server, SAM, mia)).some((m) => m.text === emoji), 30_000);
  });

  it("gives the focus back to a message's Edit button when its editor is closed from the keyboard", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    await box.fill("I went surfing this morning.");
    await box.press("Enter");
    const mine = page
      .locator(".message-item")
      .filter({ has: page.getByText("I went surfing this morning.", { exact: true }) });
    const edit = mine.getByRole("button", { name: "Edit message" });
    await edit.focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Edited message").waitFor();
    await page.keyboard.press("Escape");
    await page.getByLabel("Edited message").waitFor({ state: "detached" });
    await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);
  });
});
