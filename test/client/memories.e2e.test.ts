import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { createAgent, userIdOf } from "./apiSteps.ts";
import { hasChromium, openBrowser, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ROBIN = "dev:robin";
let server: ClientServer;
let browser: TestBrowser;
let mia: string;

describe.skipIf(!hasChromium)("web client: what the agent remembers", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    mia = await createAgent(server, "Mia");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("lists what was remembered, links to the message, corrects and forgets", async () => {
    const { page } = browser;
    await signIn(page, ROBIN);
    await pickAgent(page, "Mia");
    // The panel is open before anything is told, and follows what is learnt without reopening.
    const panel = page.getByRole("complementary", { name: "What Mia remembers about you" });
    const items = panel.getByTestId("memory");
    await page.getByRole("button", { name: "What Mia remembers" }).click();
    await panel.getByText("Nothing yet.", { exact: false }).waitFor();
    await page.getByLabel("Message to Mia").fill("I have a dog called Biscuit.");
    await page.keyboard.press("Enter");
    await page.getByLabel("Message to Mia").fill("I work as a nurse at the hospital.");
    await page.keyboard.press("Enter");
    const userId = await userIdOf(server, ROBIN);
    const streamId = conversationStreamId(userId, mia);
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    const found = items.filter({ hasText: "has a dog called Biscuit" });
    expect(await found.count()).toBe(1);
    const dog = panel.locator(`[data-memory-id="${await found.getAttribute("data-memory-id")}"]`);
    const link = dog.getByRole("link", { name: "from your message" });
    const href = await link.getAttribute("href");
    const { state } = await server.system.commands.load(conversationDecider, streamId);
    const dogFact = [...state.memoryFacts.values()].find((fact) =>
      fact.text.endsWith("has a dog called Biscuit"),
    )!;
    expect(href).toBe(`#message-${dogFact.sourceMessageIds[0]}`);
    expect(await page.locator(href!).textContent()).toContain("I have a dog called Biscuit.");
    await link.click();
    await screenshot(page, "memories-panel-desktop");

    await dog.getByRole("button", { name: "Correct" }).click();
    const correction = dog.getByLabel("Correct this memory");
    await expect.poll(() => correction.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    // Closing the box gives the focus back to its Correct button, as does saving below.
    const correct = dog.getByRole("button", { name: "Correct" });
    await expect.poll(() => correct.evaluate((element) => element === document.activeElement)).toBe(true);
    await correct.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Robin has a cat called Biscuit");
    await page.keyboard.press("Enter");
    await expect.poll(() => items.filter({ hasText: "Robin has a cat called Biscuit" }).count()).toBe(1);
    await expect.poll(() => correct.evaluate((element) => element === document.activeElement)).toBe(true);

    const nurse = items.filter({ hasText: "nurse" });
    await nurse.getByRole("button", { name: "Forget" }).click();
    await expect.poll(() => items.count()).toBe(1);
    expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expect
      .poll(async () => {
        const { state: now } = await server.system.commands.load(conversationDecider, streamId);
        return [...now.memoryFacts.values()].map(
          (fact) => `${fact.forgotten ? "forgotten" : "kept"}: ${fact.text}`,
        );
      })
      .toEqual(
        expect.arrayContaining([
          "kept: Robin has a cat called Biscuit",
          expect.stringMatching(/^forgotten: .*nurse/),
        ]),
      );

    // Opened again, the list comes from the read model and shows the same.
    await page.getByRole("button", { name: "Close memories" }).click();
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "What Mia remembers" }).click();
          const texts = await items.allTextContents();
          await page.getByRole("button", { name: "Close memories" }).click();
          return texts.length === 1 && texts[0]!.includes("Robin has a cat called Biscuit");
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  });
  it("opens and closes from the keyboard, with Escape too, giving the focus back to the button that opened it", async () => {
    const { page } = browser;
    const toggle = page.getByRole("button", { name: "What Mia remembers" });
    const panel = page.getByRole("complementary", { name: "What Mia remembers about you" });
    const toggleFocused = () => toggle.evaluate((button) => button === document.activeElement);
    await toggle.focus();
    await page.keyboard.press("Enter");
    await panel.waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await expect.poll(toggleFocused).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    // An Escape in a memory's editor closes the editor and leaves the panel open.
    await panel.getByRole("button", { name: "Correct" }).first().click();
    await panel.getByLabel("Correct this memory").press("Escape");
    await panel.getByLabel("Correct this memory").waitFor({ state: "detached" });
    expect(await panel.count()).toBe(1);
    await page.getByRole("button", { name: "Close memories" }).click();
    await panel.waitFor({ state: "detached" });
    await expect.poll(toggleFocused).toBe(true);
  });

  it("counts a correction's length as the server does, an emoji as one character", async () => {
    const { page } = browser;
    const panel = page.getByRole("complementary", { name: "What Mia remembers about you" });
    await page.getByRole("button", { name: "What Mia remembers" }).click();
    const cat = panel.getByTestId("memory").filter({ hasText: "cat called Biscuit" });
    await cat.getByRole("button", { name: "Correct" }).click();
    const box = panel.getByLabel("Correct this memory");
    // 312 characters, 612 UTF-16 units: more than a limit counted in units would let through.
    const cats = `Robin loves ${"🐈".repeat(300)}`;
    await box.fill(`${cats}🐈`.repeat(2));
    await panel.getByText("too long: memories take up to 500").waitFor();
    expect(await panel.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
    await box.fill(cats);
    expect(await box.inputValue()).toBe(cats);
    await panel.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => panel.getByTestId("memory").filter({ hasText: cats }).count()).toBe(1);
    await page.getByRole("button", { name: "Close memories" }).click();
  });

  it("covers the whole conversation on a 360 px phone, its header included, so nothing shows half under it, and takes the focus from the button it covers", async () => {
    const phone = await openBrowser(server.url, { width: 360, height: 740 });
    try {
      await signIn(phone.page, ROBIN);
      await pickAgent(phone.page, "Mia");
      const toggle = phone.page.getByRole("button", { name: "What Mia remembers" });
      await toggle.focus();
      await phone.page.keyboard.press("Enter");
      const panel = phone.page.getByRole("complementary", { name: "What Mia remembers about you" });
      await panel.waitFor();
      // The button is under the panel now: the focus is in the panel, where Escape closes it.
      await expect
        .poll(() => panel.evaluate((element) => element.contains(document.activeElement)))
        .toBe(true);
      const [panelBox, conversationBox] = await Promise.all([
        panel.boundingBox(),
        phone.page.getByRole("region", { name: "Conversation with Mia" }).boundingBox(),
      ]);
      expect(panelBox).toMatchObject({
        x: conversationBox!.x,
        y: conversationBox!.y,
        width: conversationBox!.width,
      });
      await screenshot(phone.page, "memories-phone");
      await phone.page.keyboard.press("Escape");
      await panel.waitFor({ state: "detached" });
      await expect.poll(() => toggle.evaluate((button) => button === document.activeElement)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it("makes way on a phone for the message a memory came from, and gives that message the focus", async () => {
    const phone = await openBrowser(server.url, { width: 360, height: 740 });
    try {
      await signIn(phone.page, ROBIN);
      await pickAgent(phone.page, "Mia");
      await phone.page.getByRole("button", { name: "What Mia remembers" }).click();
      const panel = phone.page.getByRole("complementary", { name: "What Mia remembers about you" });
      const link = panel.getByRole("link", { name: "from your message" }).first();
      const message = phone.page.locator((await link.getAttribute("href"))!);
      await link.click();
      await panel.waitFor({ state: "detached" });
      await expect.poll(() => message.evaluate((element) => element === document.activeElement)).toBe(true);
      await expect
        .poll(() =>
          message.evaluate((element) => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }),
        )
        .toBe(true);
      await screenshot(phone.page, "memories-phone-source-message");
    } finally {
      await phone.close();
    }
  });
});
