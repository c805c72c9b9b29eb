import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../graphql/apiHarness.ts";
import { eventually } from "../support/coreHarness.ts";
import { SkippingClock } from "../support/skippingClock.ts";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, openBrowser, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { type ClientServer, startClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const HOUR = 3_600_000;
let server: ClientServer;
let browser: TestBrowser;
const clock = new SkippingClock();
let lea: string;

/** Every portrait in the list of companions, as the page has it: loaded, broken or still coming. */
function pickerPictures(page: Page) {
  return page
    .locator(".agent-picker img")
    .evaluateAll((images) =>
      (images as HTMLImageElement[]).map((image) =>
        !image.complete ? "loading" : image.naturalWidth > 0 ? "shown" : "broken",
      ),
    );
}

describe.skipIf(!hasChromium)("web client: picture links that have expired", () => {
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startClientServer({ clock });
    lea = await createAgent(server, "Lea");
    await createAgent(server, "Omar");
    await eventually(async () => {
      const result = await gql(server.url, "{ agents { basePortraitUrl } }", {}, "dev");
      const agents = result.data?.agents as { basePortraitUrl: string | null }[] | undefined;
      return Boolean(agents?.length && agents.every((agent) => agent.basePortraitUrl));
    }, 60_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a phone left open on a conversation overnight shows the companions' portraits when going back to the list", async () => {
    browser = await openBrowser(server.url, { width: 360, height: 740 });
    const { page } = browser;
    // The last conversation opens at once: on a phone the list of companions is out of sight,
    // so its portraits are not loaded yet.
    await page.goto("/");
    await page.evaluate((id) => localStorage.setItem("withme.agent", id), lea);
    await page.getByLabel("Dev token").fill("dev:noor");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Lea" }).waitFor();
    expect(await page.locator(".agent-picker img").count()).toBeGreaterThan(1);

    // The next morning the links the list was given have expired.
    clock.skip(14 * HOUR);
    await page.getByRole("button", { name: "Back to companions" }).click();
    await page.getByRole("navigation", { name: "Agents" }).waitFor();
    await expect.poll(() => pickerPictures(page)).toEqual(["shown", "shown"]);
  });
});
