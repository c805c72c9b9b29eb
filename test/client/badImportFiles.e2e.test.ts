import path from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const cards = path.resolve(import.meta.dirname, "../fixtures/cards");
const CARD_FILE = "Character card (PNG, .charx or JSON)";
const WORLD_INFO_FILE = "Import world info (JSON)";

let server: ClientServer;
let browser: TestBrowser;

/** What a file input's description says: the reason the chosen file cannot be used, if any. */
const describedAs = (input: Locator) =>
  input.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim(),
  );

describe.skipIf(!hasChromium)("web client: a file that cannot be imported", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await signIn(browser.page, "dev");
    await browser.page.goto("/admin");
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("says beside the card's file why it cannot be read, until a good card is chosen", async () => {
    const { page } = browser;
    await page.getByRole("tab", { name: "Agents" }).click();
    await page.getByRole("button", { name: "Import a card" }).click();
    const file = page.getByLabel(CARD_FILE);
    await file.setInputFiles(path.join(cards, "broken-crc.png"));
    await expect.poll(() => describedAs(file)).toMatch(/fails its CRC check/);
    expect(await file.getAttribute("aria-invalid")).toBe("true");
    await file.setInputFiles(path.join(cards, "broken-not-a-card.json"));
    await expect.poll(() => describedAs(file)).toMatch(/not a character card/);
    expect(await describedAs(file)).not.toMatch(/CRC/);

    await file.setInputFiles(path.join(cards, "v2.json"));
    await page.getByLabel("Home city").waitFor({ timeout: 30_000 });
    expect(await describedAs(file)).toBe("");
    expect(await file.getAttribute("aria-invalid")).toBeNull();
    expect(
      await page
        .getByRole("alert")
        .filter({ hasText: /character card|CRC/ })
        .count(),
    ).toBe(0);
    expect(browser.errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("says beside the world info file why it cannot be imported, until a good one is", async () => {
    const { page } = browser;
    await page.getByRole("tab", { name: "Lorebooks" }).click();
    const file = page.getByLabel(WORLD_INFO_FILE);
    await file.setInputFiles(path.join(cards, "broken-crc.png"));
    await expect.poll(() => describedAs(file)).toMatch(/not UTF-8 text/);
    expect(await file.getAttribute("aria-invalid")).toBe("true");

    await file.setInputFiles(path.join(cards, "worldinfo.json"));
    await page.getByRole("navigation", { name: "Lorebooks" }).getByRole("button").first().waitFor();
    await expect.poll(() => describedAs(file)).toBe("");
    expect(await page.getByRole("alert").filter({ hasText: /UTF-8/ }).count()).toBe(0);
  });
});
