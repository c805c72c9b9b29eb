import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import { createAgent, messagesOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const SAM = "dev:sam";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;

describe.skipIf(!hasChromium)("web client: writing and editing", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
    await createAgent(server, "Noor", "Porto");
    await signIn(browser.page, SAM);
    await pickAgent(browser.page, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

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

  it("sets a right-to-left message from right to left, in the message box and in its bubble", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    const arabic = "مرحبا، كيف حالك اليوم؟";
    await box.fill(arabic);
    expect(await box.evaluate((element) => element.matches(":dir(rtl)"))).toBe(true);
    await box.press("Enter");
    const bubble = page.locator(".message-list .text").getByText(arabic, { exact: true });
    await bubble.waitFor();
    expect(await bubble.evaluate((element) => element.matches(":dir(rtl)"))).toBe(true);
    await box.fill("Hello there");
    expect(await box.evaluate((element) => element.matches(":dir(ltr)"))).toBe(true);
    await box.fill("");
  });

  it("shows one typing sign while a reply has started but has no words yet", async () => {
    const { page } = browser;
    server.tokenDelay.ms = 1500;
    try {
      await page.getByLabel("Message to Mia").fill("Tell me about your morning.");
      await page.keyboard.press("Enter");
      const signs = await page.waitForFunction(() => {
        const dots = document.querySelector('.message-list [data-testid="streaming-reply"] .typing-dots');
        return dots && { inBubble: 1, line: document.querySelectorAll("p.typing").length };
      });
      expect(await signs.jsonValue()).toEqual({ inBubble: 1, line: 0 });
    } finally {
      server.tokenDelay.ms = 0;
    }
    await expect.poll(() => page.getByTestId("streaming-reply").count()).toBe(0);
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
  it("shows the text being edited, and the editor's buttons, readable on the light theme's coloured bubble", async () => {
    const { page } = browser;
    const mine = page
      .locator(".message-item")
      .filter({ has: page.getByText("I went surfing this morning.", { exact: true }) });
    await mine.getByRole("button", { name: "Edit message" }).click();
    const field = page.getByLabel("Edited message");
    expect(await field.inputValue()).toBe("I went surfing this morning.");
    const colours = await page.locator(".message-editor").evaluate((form) => {
      const style = (selector: string) => getComputedStyle(form.querySelector(selector)!);
      return {
        text: [style("textarea").color, style("textarea").backgroundColor],
        cancel: style("button.ghost").color,
        send: style("button.primary").color,
        sendBackground: style("button.primary").backgroundColor,
        bubble: getComputedStyle(form).backgroundImage.match(/rgb\([^)]*\)/g) ?? [],
      };
    });
    expect(contrast(colours.text[0]!, colours.text[1]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.send, colours.sendBackground)).toBeGreaterThanOrEqual(4.5);
    expect(colours.bubble.length).toBeGreaterThan(0);
    for (const stop of colours.bubble) expect(contrast(colours.cancel, stop)).toBeGreaterThanOrEqual(4.5);
    await page.keyboard.press("Escape");
    await field.waitFor({ state: "detached" });
  });

  it("writes the Send button's word in a colour that reads on the dark theme's accent", async () => {
    const dark = await openBrowser(server.url, { width: 360, height: 740, colorScheme: "dark" });
    try {
      const { page } = dark;
      await signIn(page, SAM);
      await pickAgent(page, "Mia");
      await page.getByLabel("Message to Mia").fill("Is it dark where you are?");
      const send = page.getByRole("button", { name: "Send", exact: true });
      await expect.poll(() => send.isEnabled()).toBe(true);
      const [colour, background] = await send.evaluate((button) => {
        const style = getComputedStyle(button);
        return [style.color, style.backgroundColor];
      });
      expect(contrast(colour!, background!)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await dark.close();
    }
  });

  it("hands the focus to the message box when a reply is written again or a message is hidden from the keyboard, instead of dropping it with the button", async () => {
    const { page } = browser;
    const box = page.getByLabel("Message to Mia");
    const boxFocused = () => box.evaluate((element) => element === document.activeElement);
    await box.fill("Guess what I had for breakfast.");
    await box.press("Enter");
    const mine = page
      .locator(".message-item")
      .filter({ has: page.getByText("Guess what I had for breakfast.", { exact: true }) });
    // "Nothing streams" holds before the reply has started too: wait for the message to be stored
    // (one being sent has no controls), after which only the reply to it can be written again.
    await mine.getByRole("button", { name: "Edit message" }).waitFor();
    const regenerate = page.getByRole("button", { name: "Regenerate reply" });
    // Focused and pressed in one step: a re-rendered button between the two would take the focus along.
    await regenerate.press("Enter");
    await expect.poll(boxFocused).toBe(true);
    // The new reply is complete when it can be written again itself, as the second of two alternatives.
    await expect
      .poll(() =>
        page
          .locator(".message-item")
          .filter({ has: regenerate })
          .getByTestId("sibling-position")
          .textContent(),
      )
      .toBe("2/2");
    await mine.getByRole("button", { name: "Hide message" }).press("Enter");
    await mine.waitFor({ state: "detached" });
    await expect.poll(boxFocused).toBe(true);
  });

  it("keeps what was typed to a companion while the person looks at another or at their settings, and not past a sign-out", async () => {
    const { page } = browser;
    const draft = "Half a thought about the ferry to Cacilhas";
    await page.getByLabel("Message to Mia").fill(draft);
    await pickAgent(page, "Noor");
    expect(await page.getByLabel("Message to Noor").inputValue()).toBe("");
    await pickAgent(page, "Mia");
    expect(await page.getByLabel("Message to Mia").inputValue()).toBe(draft);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Save settings" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chat" }).click();
    await page.getByRole("heading", { level: 1, name: "Mia" }).waitFor();
    expect(await page.getByLabel("Message to Mia").inputValue()).toBe(draft);

    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, SAM);
    await pickAgent(page, "Mia");
    expect(await page.getByLabel("Message to Mia").inputValue()).toBe("");
  });
});

/** WCAG's contrast ratio between two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
