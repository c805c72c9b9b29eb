import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "./apiSteps.ts";
import { hasChromium, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";
import { affinityAlong, pathOf, rows, rowWith, say, settled, shownTexts } from "./treeSteps.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ALEX = "dev:alex";
let server: ClientServer;
let browser: TestBrowser;
let lina: string;

const TURNS = [
  "Hi Lina! Thank you for yesterday, you were wonderful.",
  "I loved the drawing you showed me, it was beautiful.",
  "Do you want to go surfing with me this weekend?",
  "Honestly, you are the kindest person I know.",
  "What is your favourite thing about the sea?",
  "Thanks for listening to me, it means a lot.",
];

/** What the conversation shows: every message's text and, where it has alternatives, "n/m". */
async function shownState(page: Page) {
  await settled(page);
  return {
    texts: await shownTexts(page),
    positions: await page.getByTestId("sibling-position").allInnerTexts(),
    affinity: await page.getByTestId("affinity").textContent(),
  };
}

describe.skipIf(!hasChromium)("web client: the conversation tree, end to end", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    lina = await createAgent(server, "Lina");
    await signIn(browser.page, ALEX);
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("regenerates, flips, edits and continues; after a reload everything is as left, with the chosen path's affinity", async () => {
    const { page } = browser;
    await pickAgent(page, "Lina");
    // A new conversation opens with Lina's greeting.
    await expect.poll(() => rows(page).count(), { timeout: 60_000 }).toBe(1);
    for (const text of TURNS) await say(page, "Lina", text);
    expect(await rows(page).count()).toBe(1 + 12);

    const lastPosition = () => rows(page).last().getByTestId("sibling-position").textContent();
    await page.getByRole("button", { name: "Regenerate reply" }).click();
    await expect.poll(lastPosition, { timeout: 60_000 }).toBe("2/2");
    await settled(page);
    await page.getByRole("button", { name: "Regenerate reply" }).click();
    await expect.poll(lastPosition, { timeout: 60_000 }).toBe("3/3");
    await settled(page);

    const previous = () => rows(page).last().getByRole("button", { name: "Previous alternative" }).click();
    await previous();
    await expect.poll(lastPosition).toBe("2/3");
    await settled(page);
    await previous();
    await expect.poll(lastPosition).toBe("1/3");
    await settled(page);

    await rowWith(page, TURNS[2]!).getByRole("button", { name: "Edit message" }).click();
    const edited = "Do you want to go sailing with me this weekend instead?";
    await page.getByLabel("Edited message").fill(edited);
    await page.getByRole("button", { name: "Send edit" }).click();
    await expect
      .poll(() => rowWith(page, edited).getByTestId("sibling-position").textContent(), { timeout: 60_000 })
      .toBe("2/2");
    await settled(page);
    expect(await rowWith(page, TURNS[3]!).count()).toBe(0);
    await say(page, "Lina", "Great, I will bring snacks for both of us!");

    const left = await shownState(page);
    expect(left.texts).toHaveLength(1 + 8);
    expect(left.texts.slice(1, 5)).toEqual([TURNS[0], expect.any(String), TURNS[1], expect.any(String)]);
    expect(left.texts[5]).toBe(edited);
    expect(left.positions).toEqual(["2/2"]);
    await screenshot(page, "tree-acceptance-before-reload");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Lina" }).waitFor();
    await expect.poll(() => shownState(page), { timeout: 60_000 }).toEqual(left);

    const path = await pathOf(server, ALEX, lina);
    expect(path.messages.map((m) => m.text)).toEqual(left.texts);
    const along = await affinityAlong(
      server,
      ALEX,
      lina,
      path.messages.map((m) => m.id),
    );
    // The thanks of turn 6 moved affinity on the branches left behind; the path shown does not count it.
    expect(along.elsewhere).toBeGreaterThan(0);
    expect(path.affinity).toBe(along.affinity);
    expect(left.affinity).toBe(String(along.affinity));
    expect(browser.errors).toEqual([]);
  });
});
