import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, screenshot, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: developer sign-in", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
  }, 120_000);
  afterAll(() => closeClientInBrowser(server, browser));

  it("says how to write a name with a space in a dev token, and signs in with the name as suggested", async () => {
    const { page } = browser;
    await page.goto("/");
    const token = page.getByLabel("Dev token");
    await token.fill("dev:Sam Smith");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/no spaces.*Try dev:Sam_Smith\./);
    expect(await token.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "sign-in-token-with-a-space");

    await token.fill("dev:Sam_Smith");
    await token.press("Enter");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.getByText("Sam_smith").waitFor();
  });
});
