import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../graphql/apiHarness.ts";
import { EDIT, PATH_MUTATION } from "../graphql/treeHarness.ts";
import { hasChromium, signIn, type TestBrowser } from "./browser.ts";
import { closeClientInBrowser, startClientInBrowser } from "./clientInBrowser.ts";
import type { ClientServer } from "./clientServer.ts";
import { openSeeded, pathOf, rowWith, settled } from "./treeSteps.ts";

if (!hasChromium) console.log("skipped: no /usr/bin/chromium — the browser tests did not run");

const ALEX = "dev:alex";
let server: ClientServer;
let browser: TestBrowser;

describe.skipIf(!hasChromium)("web client: controls while a reply is written", () => {
  beforeAll(async () => {
    ({ server, browser } = await startClientInBrowser());
    await signIn(browser.page, ALEX);
  });
  afterAll(() => closeClientInBrowser(server, browser));

  it("offers no edit, continue, alternatives or hide that the server would refuse, and the server refuses them with CONFLICT", async () => {
    const { page } = browser;
    const agentId = await openSeeded(server, page, ALEX, "Cleo", ["Hello Cleo"]);
    const earlier = rowWith(page, "Hello Cleo");
    await earlier.getByRole("button", { name: "Edit message" }).waitFor();

    server.tokenDelay.ms = 1_000;
    try {
      await page.getByLabel("Message to Cleo").fill("Tell me about your week, slowly");
      await page.keyboard.press("Enter");
      const streaming = page.getByTestId("streaming-reply").filter({ has: page.locator(".caret") });
      await streaming.waitFor({ timeout: 30_000 });
      const asked = rowWith(page, "Tell me about your week, slowly");
      await asked.waitFor();
      for (const name of ["Edit message", "Continue from here", "Hide message"])
        expect(await asked.getByRole("button", { name }).count(), name).toBe(0);
      for (const name of ["Edit message", "Continue from here", "Regenerate reply"])
        expect(await earlier.getByRole("button", { name }).count(), name).toBe(0);
      // A message already answered may still be hidden.
      expect(await earlier.getByRole("button", { name: "Hide message" }).count()).toBe(1);

      // Asked directly, the server refuses with a code and stores nothing.
      const path = await pathOf(server, ALEX, agentId);
      const reply = path.messages.find((m) => m.status === "STREAMING")!;
      const question = path.messages.at(-2)!;
      const call = (query: string, input: Record<string, unknown>) =>
        gql(server.url, query, { input: { agentId, ...input } }, ALEX);
      const hidden = await call(PATH_MUTATION("hideMessage"), {
        messageId: reply.id,
        clientRequestId: randomUUID(),
      });
      expect(hidden.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      const hiddenQuestion = await call(PATH_MUTATION("hideMessage"), {
        messageId: question.id,
        clientRequestId: randomUUID(),
      });
      expect(hiddenQuestion.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      const edited = await call(EDIT, {
        messageId: question.id,
        clientMessageId: randomUUID(),
        text: "Never mind",
      });
      expect(edited.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      // Still streaming: what was checked above was checked while the reply was written.
      expect(await streaming.count()).toBe(1);
    } finally {
      server.tokenDelay.ms = 0;
    }
    await settled(page);
    const answered = rowWith(page, "Tell me about your week, slowly");
    for (const name of ["Edit message", "Hide message"])
      await answered.getByRole("button", { name }).waitFor({ timeout: 30_000 });
    await earlier.getByRole("button", { name: "Continue from here" }).waitFor();
    const path = await pathOf(server, ALEX, agentId);
    expect(path.messages.map((m) => m.kind)).toEqual(["INITIATED", "USER", "REPLY", "USER", "REPLY"]);
    expect(browser.errors).toEqual([]);
  }, 120_000);
});
