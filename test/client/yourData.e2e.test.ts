import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userStreamId } from "../../src/domain/streamIds.ts";
import { userIdOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, signIn, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt } from "./clientBuild.ts";
import { type ClientServer, startClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const RIA = "dev:ria";
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: your data in settings", () => {
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startClientServer();
    browser = await openBrowser(server.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

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
});
