import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openBrowser, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";
import { openSeeded, pathOf, rows, rowWith, say, settled, shownTexts } from "./treeSteps.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ALEX = "dev:alex";
let server: ClientServer;
let browser: TestBrowser;

const position = (row: ReturnType<typeof rowWith>) => row.getByTestId("sibling-position");

const open = (name: string, texts: string[]) => openSeeded(server, browser.page, ALEX, name, texts);

describe.skipIf(!hasChromium)("web client: the conversation as a tree", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await signIn(browser.page, ALEX);
  });
  afterAll(() => closeClientInBrowser(server, browser));

  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

  it("regenerates the last reply and flips between the replies with ‹ 2/2 ›", async () => {
    const { page } = browser;
    const agentId = await open("Ava", ["Hello Ava", "What are you drawing today?"]);
    const before = (await pathOf(server, ALEX, agentId)).messages.at(-1)!;
    await page.getByRole("button", { name: "Regenerate reply" }).click();
    await expect.poll(() => position(rows(page).last()).textContent(), { timeout: 60_000 }).toBe("2/2");
    await settled(page);
    const after = (await pathOf(server, ALEX, agentId)).messages.at(-1)!;
    expect(after.id).not.toBe(before.id);
    expect(after.siblingIds).toEqual([before.id, after.id]);
    // The greeting that opened the conversation, then two exchanges.
    expect(await rows(page).count()).toBe(5);

    await rows(page).last().getByRole("button", { name: "Previous alternative" }).click();
    await expect.poll(() => position(rows(page).last()).textContent()).toBe("1/2");
    await expect.poll(async () => (await shownTexts(page)).at(-1)).toBe(before.text);
    await expect.poll(async () => (await pathOf(server, ALEX, agentId)).messages.at(-1)!.id).toBe(before.id);
    expect(browser.errors).toEqual([]);
  });

  it("flips between alternatives from the keyboard, the focus staying on the arrows", async () => {
    const { page } = browser;
    await open("Ada", ["Hello Ada", "What did you paint today?"]);
    await page.getByRole("button", { name: "Regenerate reply" }).click();
    await expect.poll(() => position(rows(page).last()).textContent(), { timeout: 60_000 }).toBe("2/2");
    await settled(page);
    const arrow = (name: string) => rows(page).last().getByRole("button", { name });
    await arrow("Previous alternative").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => position(rows(page).last()).textContent()).toBe("1/2");
    // The first alternative has no previous one: its other arrow takes the focus.
    await expect.poll(() => isFocused(arrow("Next alternative"))).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => position(rows(page).last()).textContent()).toBe("2/2");
    await expect.poll(() => isFocused(arrow("Previous alternative"))).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it("edits a message in place: a refused edit says why; an edit gets its own reply and the original stays an alternative", async () => {
    const { page } = browser;
    const agentId = await open("Bea", ["Hi Bea", "I like <b>cats</b>"]);
    const edited = rowWith(page, "I like <b>cats</b>");
    await edited.getByRole("button", { name: "Edit message" }).click();
    await page.getByLabel("Edited message").fill("x".repeat(4_001));
    await page.getByRole("button", { name: "Send edit" }).click();
    await page.getByRole("alert").filter({ hasText: "The edit was not sent" }).waitFor();
    expect((await pathOf(server, ALEX, agentId)).messages[3]!.text).toBe("I like <b>cats</b>");
    await page.getByLabel("Edited message").fill("I like <i>dogs</i> more");
    await page.getByRole("button", { name: "Send edit" }).click();
    const row = rowWith(page, "I like <i>dogs</i> more");
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => isFocused(page.getByLabel("Message to Bea"))).toBe(true);
    await expect.poll(() => position(row).textContent(), { timeout: 30_000 }).toBe("2/2");
    await settled(page);
    expect(await rowWith(page, "I like <b>cats</b>").count()).toBe(0);
    expect(await page.locator(".message-list i, .message-list b").count()).toBe(0);
    const path = (await pathOf(server, ALEX, agentId)).messages;
    expect(path.map((m) => m.kind)).toEqual(["INITIATED", "USER", "REPLY", "USER", "REPLY"]);
    expect(path[3]!.text).toBe("I like <i>dogs</i> more");

    await row.getByRole("button", { name: "Previous alternative" }).click();
    await rowWith(page, "I like <b>cats</b>").waitFor();
    await expect.poll(() => rows(page).count()).toBe(5);
  });

  it("continues from an earlier message, and what is said next sits beside what came after it", async () => {
    const { page } = browser;
    const agentId = await open("Cleo", ["First words", "Second words", "Third words"]);
    // After the greeting: the first words and their reply.
    const firstReply = rows(page).nth(2);
    await firstReply.getByRole("button", { name: "Continue from here" }).click();
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => isFocused(page.getByLabel("Message to Cleo"))).toBe(true);
    await expect.poll(async () => (await pathOf(server, ALEX, agentId)).messages.length).toBe(3);
    await say(page, "Cleo", "A new direction");
    await expect.poll(() => position(rowWith(page, "A new direction")).textContent()).toBe("2/2");
    await rowWith(page, "A new direction").getByRole("button", { name: "Previous alternative" }).click();
    await rowWith(page, "Third words").waitFor();
    expect(await rowWith(page, "A new direction").count()).toBe(0);
  });

  it("hides a message and brings it back with Undo", async () => {
    const { page } = browser;
    const agentId = await open("Dina", ["Something I regret saying"]);
    await rowWith(page, "Something I regret saying").getByRole("button", { name: "Hide message" }).click();
    await expect.poll(() => rowWith(page, "Something I regret saying").count()).toBe(0);
    await expect
      .poll(async () => (await pathOf(server, ALEX, agentId)).messages.map((m) => m.kind))
      .toEqual(["INITIATED", "REPLY"]);
    await page
      .getByRole("status")
      .filter({ hasText: "Message hidden." })
      .getByRole("button", { name: "Undo" })
      .click();
    await rowWith(page, "Something I regret saying").waitFor();
    await expect
      .poll(async () => (await pathOf(server, ALEX, agentId)).messages.map((m) => m.kind))
      .toEqual(["INITIATED", "USER", "REPLY"]);
  });

  it("keeps the hide notice to its conversation, and lets it time out", async () => {
    const { page } = browser;
    const notice = page.getByRole("status").filter({ hasText: "Message hidden." });
    await open("Fay", ["Hello Fay"]);
    await open("Ema", ["A message to take back"]);
    await rowWith(page, "A message to take back").getByRole("button", { name: "Hide message" }).click();
    await notice.waitFor();
    // Another companion's conversation has no Undo of a message in Ema's.
    await pickAgent(page, "Fay");
    await settled(page);
    expect(await notice.count()).toBe(0);
    await pickAgent(page, "Ema");
    await settled(page);
    expect(await notice.count()).toBe(0);
    expect(await rowWith(page, "A message to take back").count()).toBe(0);

    await rows(page).last().getByRole("button", { name: "Hide message" }).click();
    await notice.waitFor();
    await notice.waitFor({ state: "detached", timeout: 30_000 });
  });

  it("still offers Regenerate on the reply before a message that was not sent, and the server takes it", async () => {
    const { page } = browser;
    const agentId = await open("Gia", ["Hello Gia"]);
    // Sends fail before reaching the server; everything else goes through.
    await page.route("**/graphql", (route) =>
      (route.request().postData() ?? "").includes('"SendMessage"')
        ? route.abort("connectionreset")
        : route.fallback(),
    );
    try {
      await page.getByLabel("Message to Gia").fill("Are you still there?");
      await page.keyboard.press("Enter");
      const unsent = page.locator(".bubble.pending").filter({ hasText: "Are you still there?" });
      await unsent.getByText("Not sent").waitFor();
      // After the greeting: the first message and its reply.
      const reply = rows(page).nth(2);
      await reply.getByRole("button", { name: "Regenerate reply" }).click();
      await expect.poll(() => position(reply).textContent(), { timeout: 60_000 }).toBe("2/2");
      expect(await unsent.getByText("Not sent").count()).toBe(1);
      const path = (await pathOf(server, ALEX, agentId)).messages;
      expect(path.map((m) => m.kind)).toEqual(["INITIATED", "USER", "REPLY"]);
      expect(path[2]!.siblingIds).toHaveLength(2);
    } finally {
      await page.unroute("**/graphql");
    }
  });

  it("answers a message again after the reply to it was hidden", async () => {
    const { page } = browser;
    const agentId = await open("Hana", ["Tell me about the harbour"]);
    const hiddenReply = (await pathOf(server, ALEX, agentId)).messages.at(-1)!;
    await rows(page).last().getByRole("button", { name: "Hide message" }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    const asked = rowWith(page, "Tell me about the harbour");
    // Answered, if hidden: the message can be edited again, and answered anew.
    await asked.getByRole("button", { name: "Edit message" }).waitFor();
    await asked.getByRole("button", { name: "Answer again" }).click();
    await expect.poll(() => rows(page).count(), { timeout: 60_000 }).toBe(3);
    await settled(page);
    const path = (await pathOf(server, ALEX, agentId)).messages;
    expect(path.map((m) => m.kind)).toEqual(["INITIATED", "USER", "REPLY"]);
    expect(path[2]!.id).not.toBe(hiddenReply.id);
    expect(await asked.getByRole("button", { name: "Answer again" }).count()).toBe(0);
  });

  /** Both tabs show the same texts; each side is read again on every try, as both may still be catching up. */
  async function sameTexts(one: Page, other: Page): Promise<boolean> {
    const [a, b] = await Promise.all([shownTexts(one), shownTexts(other)]);
    return JSON.stringify(a) === JSON.stringify(b);
  }

  it("a second tab follows every change of path", async () => {
    const { page } = browser;
    await open("Eve", ["Tab one says hi", "And asks a question"]);
    const second = await browser.context.newPage();
    try {
      await second.goto("/");
      await pickAgent(second, "Eve");
      await rowWith(second, "And asks a question").waitFor();
      await settled(second);
      // The person goes back to the first tab to make the changes; the second follows from behind.
      await page.bringToFront();

      await page.getByRole("button", { name: "Regenerate reply" }).click();
      await expect.poll(() => position(rows(second).last()).textContent(), { timeout: 60_000 }).toBe("2/2");
      await expect.poll(() => position(rows(page).last()).textContent(), { timeout: 60_000 }).toBe("2/2");
      await settled(page);
      await settled(second);
      await expect.poll(() => sameTexts(page, second), { timeout: 30_000 }).toBe(true);

      await rows(page).last().getByRole("button", { name: "Previous alternative" }).click();
      await expect.poll(() => position(rows(second).last()).textContent(), { timeout: 30_000 }).toBe("1/2");
      await settled(second);
      await expect.poll(() => sameTexts(page, second), { timeout: 30_000 }).toBe(true);

      await rowWith(page, "And asks a question").getByRole("button", { name: "Edit message" }).click();
      await page.getByLabel("Edited message").fill("And asks another question");
      await page.getByRole("button", { name: "Send edit" }).click();
      await expect
        .poll(() => position(rowWith(second, "And asks another question")).textContent(), { timeout: 60_000 })
        .toBe("2/2");
      await settled(second);
      expect(await rowWith(second, "And asks a question").count()).toBe(0);

      await rows(page).nth(2).getByRole("button", { name: "Continue from here" }).click();
      await expect.poll(() => rows(second).count(), { timeout: 30_000 }).toBe(3);

      await rows(page).nth(2).getByRole("button", { name: "Hide message" }).click();
      await expect.poll(() => rows(second).count(), { timeout: 30_000 }).toBe(2);
    } finally {
      await second.close();
    }
  });

  it("keeps every control within reach on a phone", async () => {
    const phone = await openBrowser(server.url, { width: 390, height: 844 });
    try {
      await signIn(phone.page, ALEX);
      await pickAgent(phone.page, "Ava");
      const { page } = phone;
      await settled(page);
      for (const name of [
        "Regenerate reply",
        "Previous alternative",
        "Edit message",
        "Continue from here",
        "Hide message",
      ]) {
        const control = page.getByRole("button", { name, exact: true }).last();
        await control.scrollIntoViewIfNeeded();
        const box = (await control.boundingBox())!;
        expect(box.x, name).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, name).toBeLessThanOrEqual(390);
        expect(box.height, name).toBeGreaterThanOrEqual(24);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, "tree-controls-390");
      await page.getByRole("button", { name: "Regenerate reply" }).click();
      await expect.poll(() => position(rows(page).last()).textContent(), { timeout: 60_000 }).toBe("3/3");
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
