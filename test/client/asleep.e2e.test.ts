import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCheckpointStore } from "../../src/adapters/postgres/postgresCheckpointStore.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { eventually } from "../support/coreHarness.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import { createAgent, messagesOf, userIdOf } from "./apiSteps.ts";
import { hasChromium, pickAgent, screenshot, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

let server: ClientServer;
let browser: TestBrowser;
let agentId: string;

describe.skipIf(!hasChromium)("web client: a sleeping agent", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser({ env: { WITHME_ASLEEP_REPLIES: "defer" } }));
    await signIn(browser.page, "dev:sam");
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("says where companions come from while there are none", async () => {
    const { page } = browser;
    await page.getByText("No companions yet: an admin creates them in the admin view.").waitFor();
    // Three in the morning where Noa lives, and Sam is new to her: the answer waits for the morning.
    agentId = await createAgent(server, "Noa", "Lisbon", zoneWhereItIs(3));
    await page.reload();
    await pickAgent(page, "Noa");
  });

  it("says the message waits for the morning, and no reply is written in the night", async () => {
    const { page } = browser;
    await page.locator(".badge.asleep").waitFor();
    await page.getByLabel("Message to Noa").fill("Are you up?");
    await page.keyboard.press("Enter");
    const note = page.locator(".note.asleep");
    await note.waitFor();
    // Both wake times say whose clock they are on: the person's in the note, Noa's beside it and in the header.
    expect(await note.textContent()).toMatch(
      /^Noa is asleep and will answer after \d{1,2}:\d{2}.* your time \(\d{1,2}:\d{2}.* Noa's time\)\.$/,
    );
    expect(await page.locator(".badge.asleep").getAttribute("title")).toMatch(
      /^asleep until \d{1,2}:\d{2}.* Noa's time \(\d{1,2}:\d{2}.* your time\)$/,
    );
    await screenshot(page, "chat-agent-asleep-desktop");
    // The reply reactor has handled the message (its checkpoint is past it) and wrote nothing.
    const userId = await userIdOf(server, "dev:sam");
    const sent = (await server.system.eventStore.readStream(conversationStreamId(userId, agentId))).at(-1)!;
    const checkpoints = new PostgresCheckpointStore(server.system.database.pool);
    await eventually(async () => {
      const at = await checkpoints.load("reply");
      return at !== null && server.system.eventStore.comparePositions(at, sent.position) >= 0;
    });
    const stored = await messagesOf(server, "dev:sam", agentId);
    // The conversation opened with the agent's greeting; the person's message waits for the morning.
    expect(stored.map((m) => m.kind)).toEqual(["INITIATED", "USER"]);
    expect(await page.locator('.message-list [data-kind="reply"]').count()).toBe(0);
    expect(await page.locator(".typing").count()).toBe(0);
  });
});
