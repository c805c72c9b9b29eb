import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openBrowser, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let light: TestBrowser;

/** WCAG's contrast ratio between an element's text and the first opaque background behind it. */
function contrastOf(text: Locator): Promise<number> {
  return text.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
    };
    let behind: number[] = [255, 255, 255];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if ((colour[3] ?? 1) === 1) {
        behind = colour;
        break;
      }
    }
    const [high, low] = [luminance(rgb(getComputedStyle(element).color)), luminance(behind)].sort(
      (a, b) => b - a,
    );
    return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
  });
}

/** Every projection's status, and the deletion button, read at 4.5:1 at least (WCAG AA for text). */
async function expectReadableStatusWords(browser: TestBrowser, person: string) {
  const { page } = browser;
  await signIn(page, "dev");
  await page.goto("/admin");
  await page.getByRole("tab", { name: "Projections" }).click();
  const statuses = page.locator(".projections .tag");
  await statuses.first().waitFor();
  for (const status of await statuses.all()) expect(await contrastOf(status)).toBeGreaterThanOrEqual(4.5);
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, person);
  await page.goto("/?view=settings");
  expect(await contrastOf(page.getByRole("button", { name: "Delete my account" }))).toBeGreaterThanOrEqual(
    4.5,
  );
}

describe.skipIf(!hasChromium)("web client: status words in colour", () => {
  beforeAll(async () => {
    ({ server, browser: light } = await startClientInBrowser());
  }, 180_000);
  afterAll(() => closeClientInBrowser(server, light));

  it("writes a projection's status and the deletion button in a colour that reads on the light theme", async () => {
    await expectReadableStatusWords(light, "dev:ada");
  });

  it("and on the dark theme", async () => {
    const dark = await openBrowser(server.url, { colorScheme: "dark" });
    try {
      await expectReadableStatusWords(dark, "dev:bo");
    } finally {
      await dark.close();
    }
  });
});
