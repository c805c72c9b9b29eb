import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

const SAM = "dev:sam";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;

describe.skipIf(!hasChromium)("web client: the message editor from the keyboard", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
    await signIn(browser.page, SAM);
    await pickAgent(browser.page, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("sends an edit with Enter and starts a new line with Shift+Enter, as the message box does", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    await box.fill("I'm planning a trip to Japan.");
    await box.press("Enter");
    const mine = page
      .locator(".message-item")
      .filter({ has: page.getByText("I'm planning a trip to Japan.", { exact: true }) });
    await mine.getByRole("button", { name: "Edit message" }).click();
    const field = page.getByLabel("Edited message");
    await field.fill("I'm planning a trip");
    await field.press("Shift+Enter");
    await field.pressSequentially("to Brazil.");
    expect(await field.inputValue()).toBe("I'm planning a trip\nto Brazil.");
    await field.press("Enter");
    await field.waitFor({ state: "detached" });
    await eventually(
      async () =>
        (await messagesOf(server, SAM, mia)).some((m) => m.text === "I'm planning a trip\nto Brazil."),
      30_000,
    );
  });
});
